package dev.truss.adapters.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truss.adapters.mail.SmtpSettings.Security;
import dev.truss.application.contract.MailerContract;
import dev.truss.application.port.Mailer;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against a real SMTP server (GreenMail, a fresh one per test on a free port). */
class SmtpMailerContractTest extends MailerContract {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected Mailer newMailer() {
        return new SmtpMailer(SmtpSettings.of(GREEN_MAIL.getSmtp().getBindTo(), GREEN_MAIL.getSmtp().getPort(),
                Security.NONE, new EmailAddress("no-reply@truss.example")));
    }

    @Override
    protected List<Mail> receivedBy(EmailAddress to) throws Exception {
        return GreenMailInbox.mailsFor(GREEN_MAIL, to);
    }
}
