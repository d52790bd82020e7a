package dev.truss.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truss.adapters.mail.SmtpSettings.Security;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a mail looks like on the wire: the parts of it the contract does not see. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final String LINK = "https://truss.example/login/verify?token=" + "k9_Zq-".repeat(40);

    private SmtpMailer mailer() {
        SmtpSettings settings = SmtpSettings.of(GREEN_MAIL.getSmtp().getBindTo(), GREEN_MAIL.getSmtp().getPort(),
                Security.NONE, new EmailAddress("no-reply@truss.example")).withFromName("Truss — connexion");
        return new SmtpMailer(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private MimeMessage onlyMessageTo(EmailAddress to) {
        List<MimeMessage> messages = GreenMailInbox.messagesFor(GREEN_MAIL, to);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void a_mail_carries_its_sender_date_message_id_and_one_recipient() throws Exception {
        mailer().send(new Mail(ANA, "Your Truss login link", "Open " + LINK + "\n"));

        MimeMessage message = onlyMessageTo(ANA);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@truss.example");
        assertThat(from.getPersonal()).isEqualTo("Truss — connexion");
        assertThat(message.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@truss\\.example>");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ana@example.com");
        assertThat(message.getRecipients(RecipientType.CC)).isNull();
    }

    @Test
    void the_text_is_utf_8_quoted_printable_with_short_lines_and_the_long_link_whole_once_decoded() throws Exception {
        assertThat(LINK).hasSizeGreaterThan(200);
        mailer().send(new Mail(ANA, "Ton lien de connexion — Truss", "Voilà ton lien :\n\n" + LINK + "\n"));

        MimeMessage message = onlyMessageTo(ANA);
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(message.getEncoding()).isEqualTo("quoted-printable");
        assertThat(GreenMailUtil.getWholeMessage(message).split("\r\n")).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
        // GreenMail keeps the text without its last line break.
        assertThat((String) message.getContent()).isEqualTo("Voilà ton lien :\r\n\r\n" + LINK);
    }

    @Test
    void a_line_break_in_the_subject_cannot_add_a_header_or_a_recipient() throws Exception {
        EmailAddress eve = new EmailAddress("eve@example.com");
        mailer().send(new Mail(ANA, "Hello\r\nBcc: eve@example.com", "hi"));

        assertThat(onlyMessageTo(ANA).getSubject()).isEqualTo("Hello Bcc: eve@example.com");
        assertThat(GreenMailInbox.messagesFor(GREEN_MAIL, eve)).isEmpty();
    }

    @Test
    void each_mail_has_its_own_message_id() throws Exception {
        SmtpMailer mailer = mailer();
        mailer.send(new Mail(ANA, "one", "1"));
        mailer.send(new Mail(ANA, "two", "2"));

        List<MimeMessage> messages = GreenMailInbox.messagesFor(GREEN_MAIL, ANA);
        assertThat(messages.get(0).getMessageID()).isNotEqualTo(messages.get(1).getMessageID());
    }
}
