package dev.truss.application.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.common.Outcome;
import dev.truss.application.contract.Concurrently;
import dev.truss.application.fake.InMemoryCreatorStore;
import dev.truss.application.fake.InMemoryMagicLinkStore;
import dev.truss.application.fake.InMemorySessionStore;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.fake.RecordingMailer;
import dev.truss.application.port.UlidIdSource;
import dev.truss.domain.creator.EmailAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MagicLinkLoginTest {

    private static final EmailAddress ADA = new EmailAddress("Ada@Example.com");

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final RecordingMailer mailer = new RecordingMailer();
    private final InMemoryMagicLinkStore links = new InMemoryMagicLinkStore();
    private final InMemoryCreatorStore creators = new InMemoryCreatorStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final SecureRandom random = new SecureRandom();
    private final RequestMagicLink request = new RequestMagicLink(links, mailer, clock, random,
            URI.create("https://truss.example/login/verify"));
    private final VerifyMagicLink verify = new VerifyMagicLink(links, creators, sessions, new UlidIdSource(clock),
            clock, random);
    private final Authenticate authenticate = new Authenticate(sessions, clock);

    @Test
    void the_first_login_creates_the_creator_and_opens_a_session() {
        request.execute(RequestMagicLink.Command.of(" ada@EXAMPLE.com "));

        VerifyMagicLink.LoggedIn login = verify.execute(tokenMailedTo(ADA)).orElseThrow();

        assertThat(login.firstLogin()).isTrue();
        assertThat(login.creator().email()).isEqualTo(ADA);
        assertThat(creators.findByEmail(ADA)).contains(login.creator());
        assertThat(authenticate.execute(login.sessionToken().value())).contains(login.session());
    }

    @Test
    void a_later_login_opens_a_session_for_the_same_creator() {
        request.execute(new RequestMagicLink.Command(ADA));
        VerifyMagicLink.LoggedIn first = verify.execute(tokenMailedTo(ADA)).orElseThrow();
        request.execute(new RequestMagicLink.Command(ADA));

        VerifyMagicLink.LoggedIn second = verify.execute(tokenMailedTo(ADA)).orElseThrow();

        assertThat(second.firstLogin()).isFalse();
        assertThat(second.creator().id()).isEqualTo(first.creator().id());
        assertThat(second.sessionToken()).isNotEqualTo(first.sessionToken());
    }

    @Test
    void a_link_works_only_once() {
        request.execute(new RequestMagicLink.Command(ADA));
        String token = tokenMailedTo(ADA);
        verify.execute(token).orElseThrow();

        assertThat(verify.execute(token)).isInstanceOf(Outcome.Rejected.class);
    }

    @Test
    void a_link_clicked_twice_at_the_same_moment_logs_in_once() throws Exception {
        request.execute(new RequestMagicLink.Command(ADA));
        String token = tokenMailedTo(ADA);

        List<Outcome<VerifyMagicLink.LoggedIn>> outcomes = Concurrently.run(8, () -> verify.execute(token));

        assertThat(outcomes).hasSize(8);
        assertThat(outcomes.stream().filter(o -> o instanceof Outcome.Ok)).hasSize(1);
    }

    @Test
    void a_link_expires_after_fifteen_minutes() {
        request.execute(new RequestMagicLink.Command(ADA));
        clock.advance(Duration.ofMinutes(15));

        assertThat(verify.execute(tokenMailedTo(ADA))).isInstanceOf(Outcome.Rejected.class);
        assertThat(creators.findByEmail(ADA)).isEmpty();
    }

    @Test
    void a_mistyped_or_forged_token_is_refused_with_a_message_not_an_exception() {
        for (String token : List.of("", "abc", "x".repeat(43), "../../etc/passwd")) {
            assertThat(verify.execute(token)).isInstanceOfSatisfying(Outcome.Rejected.class,
                    rejected -> assertThat(rejected.message()).contains("Ask for a new one"));
        }
    }

    @Test
    void logging_out_revokes_the_session() {
        request.execute(new RequestMagicLink.Command(ADA));
        VerifyMagicLink.LoggedIn login = verify.execute(tokenMailedTo(ADA)).orElseThrow();

        new LogOut(sessions).execute(login.sessionToken().value());

        assertThat(authenticate.execute(login.sessionToken().value())).isEmpty();
    }

    @Test
    void a_session_ends_after_its_lifetime() {
        request.execute(new RequestMagicLink.Command(ADA));
        VerifyMagicLink.LoggedIn login = verify.execute(tokenMailedTo(ADA)).orElseThrow();

        clock.advance(Duration.ofDays(30));

        assertThat(authenticate.execute(login.sessionToken().value())).isEmpty();
    }

    @Test
    void the_mail_never_differs_between_known_and_unknown_addresses_except_for_the_token() {
        request.execute(new RequestMagicLink.Command(ADA));
        verify.execute(tokenMailedTo(ADA)).orElseThrow();
        EmailAddress stranger = new EmailAddress("stranger@example.com");

        request.execute(new RequestMagicLink.Command(ADA));
        request.execute(new RequestMagicLink.Command(stranger));

        String known = mailer.lastSentTo(ADA).orElseThrow().text().replaceAll("token=\\S+", "token=…");
        String unknown = mailer.lastSentTo(stranger).orElseThrow().text().replaceAll("token=\\S+", "token=…");
        assertThat(known).isEqualTo(unknown);
    }

    private String tokenMailedTo(EmailAddress to) {
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mailer.lastSentTo(to).orElseThrow().text());
        assertThat(token.find()).as("the mail carries a token").isTrue();
        return token.group(1);
    }
}
