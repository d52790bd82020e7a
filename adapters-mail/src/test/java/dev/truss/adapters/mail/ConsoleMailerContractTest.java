package dev.truss.adapters.mail;

import dev.truss.application.contract.MailerContract;
import dev.truss.application.port.Mailer;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The contract, read back from the console: what a person sees there is the mail. */
class ConsoleMailerContractTest extends MailerContract {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Override
    protected Mailer newMailer() {
        return new ConsoleMailer(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Override
    protected List<Mail> receivedBy(EmailAddress to) {
        return PrintedMails.in(console.toString(StandardCharsets.UTF_8)).stream()
                .filter(mail -> mail.to().equals(to))
                .toList();
    }
}
