package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import org.junit.jupiter.api.Test;

class InMemoryPlatformAuthorizerTest extends PlatformAuthorizerContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private InMemoryPlatformAuthorizer platform;

    @Override
    protected PlatformAuthorizer newAuthorizer() {
        platform = new InMemoryPlatformAuthorizer(Platform.YOUTUBE, clock);
        return platform;
    }

    @Override
    protected URI approve(URI authorizationUrl) {
        return platform.approve(authorizationUrl);
    }

    @Test
    void the_grant_names_the_approving_account_and_expires_an_hour_from_now() {
        URI back = platform.approve(platform.authorizationUrl("s", REDIRECT), "UC123", "My channel");

        OAuthGrant grant = platform.exchange(query(back, "code").orElseThrow(), REDIRECT);

        assertThat(platform.platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(grant.accountId()).isEqualTo("UC123");
        assertThat(grant.accountName()).isEqualTo("My channel");
        assertThat(grant.scopes()).containsExactly("youtube.upload");
        assertThat(grant.expiresAt()).contains(clock.instant().plus(InMemoryPlatformAuthorizer.TOKEN_LIFETIME));
        assertThat(platform.issued(grant.accessToken())).isTrue();
    }

    @Test
    void a_revoked_refresh_token_stops_working() {
        URI back = platform.approve(platform.authorizationUrl("s", REDIRECT));
        OAuthGrant grant = platform.exchange(query(back, "code").orElseThrow(), REDIRECT);
        String refresh = grant.refreshToken().orElseThrow();

        platform.revoke(refresh);

        assertThatThrownBy(() -> platform.refresh(refresh))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void a_code_sent_with_the_wrong_redirect_is_used_up() {
        String code = query(platform.approve(platform.authorizationUrl("s", REDIRECT)), "code").orElseThrow();

        assertThatThrownBy(() -> platform.exchange(code, URI.create("https://other.example/cb")))
                .isInstanceOf(PlatformException.class);
        assertThatThrownBy(() -> platform.exchange(code, REDIRECT)).isInstanceOf(PlatformException.class);
    }
}
