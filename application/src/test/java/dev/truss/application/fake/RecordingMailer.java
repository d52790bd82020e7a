package dev.truss.application.fake;

import dev.truss.application.port.Mailer;
import dev.truss.domain.creator.EmailAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps the mail it is asked to send, so tests can read it (and follow its links). Thread-safe. */
public final class RecordingMailer implements Mailer {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final List<Mail> sent = new ArrayList<>();
    private int attempts;
    private int failuresLeft;
    private boolean failingAlways;

    @Override
    public synchronized void send(Mail mail) {
        attempts++;
        if (failingAlways || failuresLeft > 0) {
            failuresLeft = Math.max(0, failuresLeft - 1);
            throw new MailException("the mail server refused the mail to " + mail.to().masked(), null);
        }
        sent.add(mail);
    }

    /** The next {@code count} sends throw {@link MailException}; later ones succeed. */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    /** Every send throws until {@link #recover()}. */
    public synchronized void failAlways() {
        failingAlways = true;
    }

    public synchronized void recover() {
        failingAlways = false;
        failuresLeft = 0;
    }

    /** The mail sent successfully, oldest first. */
    public synchronized List<Mail> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Mail> sentTo(EmailAddress to) {
        return sent.stream().filter(m -> m.to().equals(to)).toList();
    }

    public synchronized Optional<Mail> lastSentTo(EmailAddress to) {
        List<Mail> mails = sentTo(to);
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    /** The first http(s) link in the last mail to {@code to}: how a test "clicks" a magic link. */
    public synchronized Optional<URI> lastLinkSentTo(EmailAddress to) {
        return lastSentTo(to).flatMap(RecordingMailer::firstLink);
    }

    public static Optional<URI> firstLink(Mail mail) {
        Matcher m = LINK.matcher(mail.text());
        return m.find() ? Optional.of(URI.create(m.group())) : Optional.empty();
    }

    /** Every call to {@link #send}, failed ones included. */
    public synchronized int attempts() {
        return attempts;
    }

    public synchronized void clear() {
        sent.clear();
        attempts = 0;
    }
}
