package dev.truss.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truss.adapters.mail.SmtpSettings.Security;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.application.port.Mailer.MailException;
import dev.truss.domain.creator.EmailAddress;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Implicit TLS against GreenMail's SMTPS server, whose certificate is self-signed. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmtpsMailerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final Mail MAIL = new Mail(ANA, "Your Truss login link", "Open https://truss.example/login\n");

    private static SmtpSettings smtps() {
        return SmtpSettings.of(GREEN_MAIL.getSmtps().getBindTo(), GREEN_MAIL.getSmtps().getPort(), Security.SMTPS,
                new EmailAddress("no-reply@truss.example"));
    }

    @Test
    void a_mail_goes_over_tls_to_a_host_whose_certificate_is_trusted() throws Exception {
        SmtpSettings settings = smtps().withTrustedHosts(smtps().host());

        new SmtpMailer(settings).send(MAIL);

        assertThat(GreenMailInbox.mailsFor(GREEN_MAIL, ANA)).extracting(Mail::subject).containsExactly("Your Truss login link");
    }

    @Test
    void a_self_signed_certificate_is_refused_unless_its_host_is_trusted() {
        SmtpSettings settings = smtps();

        assertThatThrownBy(() -> new SmtpMailer(settings).send(MAIL))
                .isInstanceOf(MailException.class)
                .hasMessageStartingWith("TLS with the SMTP server " + settings.host() + ":" + settings.port() + " (SMTPS) failed")
                .hasMessageContaining("certificate");
        assertThat(GreenMailInbox.messagesFor(GREEN_MAIL, ANA)).isEmpty();
    }
}
