package dev.truss.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.application.port.Mailer;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailer} must do: a mail arrives as sent, to its addressee only, with its
 * subject, its non-ASCII text and a long login link intact. An SMTP adapter's test says how
 * to read what its server received (GreenMail, say).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class MailerContract {

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final EmailAddress BEN = new EmailAddress("ben@example.com");
    /** As long as Truss's links: a 43-character token behind a path, long enough for a careless mailer to wrap. */
    private static final String LINK = "https://truss.example/login/verify?token=" + "Ab3_-".repeat(9) + "xyz"
            + "&next=%2Fdashboard%3Ftab%3Dclips%26range%3Dlast-30-days";

    protected abstract Mailer newMailer();

    /** The mails the addressee received, oldest first, as subject and text. */
    protected abstract List<Mail> receivedBy(EmailAddress to) throws Exception;

    @Test
    void a_mail_arrives_with_its_subject_and_text() throws Exception {
        newMailer().send(new Mail(ANA, "Your Truss login link", "Open this link to log in:\n\n" + LINK + "\n"));

        List<Mail> received = receivedBy(ANA);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("Your Truss login link");
        assertThat(received.get(0).text()).contains(LINK);
    }

    @Test
    void a_mail_reaches_its_addressee_only() throws Exception {
        newMailer().send(new Mail(ANA, "For Ana", "hello"));

        assertThat(receivedBy(BEN)).isEmpty();
    }

    @Test
    void text_beyond_ascii_survives() throws Exception {
        newMailer().send(new Mail(BEN, "Ton lien de connexion — Truss ✂️", "Voilà ton lien : ça marche une fois."));

        Mail received = receivedBy(BEN).get(0);
        assertThat(received.subject()).isEqualTo("Ton lien de connexion — Truss ✂️");
        assertThat(received.text()).contains("Voilà ton lien : ça marche une fois.");
    }

    @Test
    void mails_arrive_in_the_order_they_were_sent() throws Exception {
        Mailer mailer = newMailer();
        mailer.send(new Mail(ANA, "first", "1"));
        mailer.send(new Mail(ANA, "second", "2"));

        assertThat(receivedBy(ANA)).extracting(Mail::subject).containsExactly("first", "second");
    }
}
