package dev.truss.application.fake;

import dev.truss.application.contract.MailerContract;
import dev.truss.application.port.Mailer;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import java.util.List;

class RecordingMailerContractTest extends MailerContract {

    private final RecordingMailer mailer = new RecordingMailer();

    @Override
    protected Mailer newMailer() {
        return mailer;
    }

    @Override
    protected List<Mail> receivedBy(EmailAddress to) {
        return mailer.sentTo(to);
    }
}
