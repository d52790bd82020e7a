package dev.truss.adapters.mail;

import dev.truss.application.port.Mailer;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints each mail instead of sending it, for Truss on one machine without a mail server: the
 * person at the console opens the login link from there. The one place a login link is printed
 * on purpose. Thread-safe: a mail is printed in one piece, never interleaved with another.
 */
public final class ConsoleMailer implements Mailer {

    static final String BEGIN = "----- Mail not sent: no SMTP server is configured, so it is printed here -----";
    static final String END = "----- End of mail -----";

    private final PrintStream out;

    public ConsoleMailer(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void send(Mail mail) {
        String text = mail.text().endsWith("\n") ? mail.text() : mail.text() + "\n";
        String block = "\n" + BEGIN + "\n"
                + "To: " + mail.to().value() + "\n"
                + "Subject: " + mail.subject().replaceAll("[\\r\\n]+", " ") + "\n"
                + "\n"
                + text
                + END + "\n";
        synchronized (out) {
            out.print(block);
            out.flush();
            if (out.checkError()) {
                throw new MailException("could not print the mail to " + mail.to().masked() + " on the console", null);
            }
        }
    }
}
