package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.contract.PlatformAuthorizerContract;
import dev.truss.application.port.platform.OAuthGrant;
import dev.truss.application.port.platform.PlatformAuthorizer;
import dev.truss.application.port.platform.PlatformAuthorizer.AuthorizationRequest;
import dev.truss.application.port.platform.PlatformException;
import dev.truss.application.port.platform.Pkce;
import dev.truss.domain.platform.Platform;
import java.net.URI;
import org.junit.jupiter.api.Test;

class InMemoryPlatformAuthorizerTest extends PlatformAuthorizerContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final Pkce pkce = Pkce.generate();
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
        URI back = platform.approve(platform.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT)), "UC123", "My channel");

        OAuthGrant grant = platform.exchange(query(back, "code").orElseThrow(), pkce.verifier(), REDIRECT);

        assertThat(platform.platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(grant.accountId()).isEqualTo("UC123");
        assertThat(grant.accountName()).isEqualTo("My channel");
        assertThat(grant.scopes()).containsExactly("youtube.upload");
        assertThat(grant.expiresAt()).contains(clock.instant().plus(InMemoryPlatformAuthorizer.TOKEN_LIFETIME));
        assertThat(platform.issued(grant.accessToken())).isTrue();
    }

    @Test
    void a_refresh_token_revoked_on_the_platform_stops_working() {
        URI back = platform.approve(platform.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT)));
        OAuthGrant grant = platform.exchange(query(back, "code").orElseThrow(), pkce.verifier(), REDIRECT);
        String refresh = grant.refreshToken().orElseThrow();

        platform.revokeOnPlatform(refresh);

        assertThatThrownBy(() -> platform.refresh(refresh))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void a_code_sent_with_the_wrong_redirect_is_used_up() {
        String code = query(platform.approve(platform.authorizationUrl(new AuthorizationRequest("s", pkce.challenge(), REDIRECT))), "code").orElseThrow();

        assertThatThrownBy(() -> platform.exchange(code, pkce.verifier(), URI.create("https://other.example/cb")))
                .isInstanceOf(PlatformException.class);
        assertThatThrownBy(() -> platform.exchange(code, pkce.verifier(), REDIRECT)).isInstanceOf(PlatformException.class);
    }
}
