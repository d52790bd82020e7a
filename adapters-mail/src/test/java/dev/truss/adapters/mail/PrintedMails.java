package dev.truss.adapters.mail;

import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import java.util.ArrayList;
import java.util.List;

/** Reads back what {@link ConsoleMailer} printed, the way a person scanning the console would. */
final class PrintedMails {

    private PrintedMails() {
    }

    static List<Mail> in(String printed) {
        List<Mail> mails = new ArrayList<>();
        String[] lines = printed.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].equals(ConsoleMailer.BEGIN)) {
                continue;
            }
            EmailAddress to = new EmailAddress(after("To: ", lines[++i]));
            String subject = after("Subject: ", lines[++i]);
            if (!lines[++i].isEmpty()) {
                throw new IllegalStateException("no blank line after the subject: " + lines[i]);
            }
            StringBuilder text = new StringBuilder();
            while (!lines[++i].equals(ConsoleMailer.END)) {
                if (lines[i].equals(ConsoleMailer.BEGIN)) {
                    throw new IllegalStateException("a mail starts inside another");
                }
                text.append(lines[i]).append('\n');
            }
            mails.add(new Mail(to, subject, text.toString()));
        }
        return mails;
    }

    private static String after(String prefix, String line) {
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException("expected '" + prefix + "…', got: " + line);
        }
        return line.substring(prefix.length());
    }
}
