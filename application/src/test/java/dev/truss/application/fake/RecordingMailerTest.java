package dev.truss.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.Mailer.Mail;
import dev.truss.application.port.Mailer.MailException;
import dev.truss.domain.creator.EmailAddress;
import java.net.URI;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RecordingMailerTest {

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final EmailAddress BEN = new EmailAddress("ben@example.com");

    private final RecordingMailer mailer = new RecordingMailer();

    @Test
    void sent_mail_is_recorded_in_order() {
        Mail first = new Mail(ANA, "Sign in", "hello");
        Mail second = new Mail(BEN, "Sign in", "hi");

        mailer.send(first);
        mailer.send(second);

        assertThat(mailer.sent()).containsExactly(first, second);
        assertThat(mailer.sentTo(ANA)).containsExactly(first);
        assertThat(mailer.lastSentTo(BEN)).contains(second);
        assertThat(mailer.attempts()).isEqualTo(2);
    }

    @Test
    void a_mailer_told_to_fail_throws_that_often_and_records_nothing() {
        mailer.failNext(2);
        Mail mail = new Mail(ANA, "Sign in", "hello");

        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class)
                .hasMessageNotContaining("ana@");
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class);
        assertThat(mailer.sent()).isEmpty();

        mailer.send(mail);

        assertThat(mailer.sent()).containsExactly(mail);
        assertThat(mailer.attempts()).isEqualTo(3);
    }

    @Test
    void a_mailer_failing_always_fails_until_it_recovers() {
        mailer.failAlways();
        Mail mail = new Mail(ANA, "Sign in", "hello");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class);
        }
        mailer.recover();
        mailer.send(mail);

        assertThat(mailer.sent()).containsExactly(mail);
    }

    @Test
    void the_last_link_sent_to_an_address_is_the_first_link_of_its_last_mail() {
        mailer.send(new Mail(ANA, "Sign in", "Open https://truss.example/login?token=old to sign in."));
        mailer.send(new Mail(BEN, "Sign in", "Open https://truss.example/login?token=ben"));
        mailer.send(new Mail(ANA, "Sign in", "Open https://truss.example/login?token=new or https://other.example"));

        assertThat(mailer.lastLinkSentTo(ANA)).contains(URI.create("https://truss.example/login?token=new"));
        assertThat(mailer.lastLinkSentTo(new EmailAddress("cleo@example.com"))).isEmpty();
    }

    @Test
    void a_mail_without_a_link_has_none_to_follow() {
        mailer.send(new Mail(ANA, "Welcome", "No links here."));

        assertThat(mailer.lastLinkSentTo(ANA)).isEmpty();
    }

    @Test
    void clearing_forgets_the_mail_and_the_attempts() {
        mailer.send(new Mail(ANA, "Sign in", "hello"));

        mailer.clear();

        assertThat(mailer.sent()).isEmpty();
        assertThat(mailer.attempts()).isZero();
    }
}
