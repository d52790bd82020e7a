package dev.truss.adapters.mail;

import dev.truss.application.port.Mailer;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLException;

/**
 * Sends each mail over its own SMTP connection (Angus Mail): login links are rare, and a fresh
 * connection never fails on one the server closed while idle. Thread-safe.
 *
 * <p>The mail's text holds a login link, so it is never logged and never part of an error; an
 * error names the server, the recipient masked and the reason, never the password.
 */
public final class SmtpMailer implements Mailer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;

    public SmtpMailer(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from().value(), settings.fromName().orElse(null), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        String address = settings.from().value();
        this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
    }

    private static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        p.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        switch (settings.security()) {
            case NONE:
                break;
            case STARTTLS_REQUIRED:
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(!trusted(settings)));
                break;
            case SMTPS:
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(!trusted(settings)));
                break;
            default:
                throw new IllegalStateException("unknown security " + settings.security());
        }
        settings.trustedHosts().ifPresent(hosts -> p.put("mail.smtp.ssl.trust", hosts));
        // mail.debug stays off: it would print the login link and the credentials.
        return p;
    }

    /** A trusted host's certificate is taken as it is, whatever name it carries (a test server's never matches). */
    private static boolean trusted(SmtpSettings settings) {
        return settings.trustedHosts()
                .map(hosts -> List.of(hosts.strip().split("\\s+")))
                .filter(hosts -> hosts.contains("*") || hosts.contains(settings.host()))
                .isPresent();
    }

    @Override
    public void send(Mail mail) {
        try {
            InternetAddress to = new InternetAddress(mail.to().value(), true);
            MimeMessage message = new LinkMessage(session, messageIdDomain);
            message.setFrom(from);
            message.setRecipient(RecipientType.TO, to);
            // A subject is one line; a line break in it would start a header of its own.
            message.setSubject(mail.subject().replaceAll("[\\r\\n]+", " "), UTF_8);
            message.setText(mail.text(), UTF_8);
            // Quoted-printable keeps every line on the wire under 76 characters, whatever the
            // relays do, and a reader joins a long link back exactly.
            message.setHeader("Content-Transfer-Encoding", "quoted-printable");
            message.setSentDate(Date.from(clock.instant()));
            // The recipient is given here, not read back from the headers: one mail, one addressee.
            Transport.send(message, new Address[] {to}, settings.username().orElse(null),
                    settings.password().orElse(null));
        } catch (MessagingException e) {
            throw new MailException(describe(e, mail), e);
        }
    }

    /** Message-ID in the sender's domain: the default would look up and reveal this machine's name. */
    private static final class LinkMessage extends MimeMessage {
        private final String domain;

        LinkMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }

    private String describe(MessagingException e, Mail mail) {
        String server = "the SMTP server " + settings.host() + ":" + settings.port() + " (" + settings.security() + ")";
        String what;
        String hint;
        if (e instanceof AuthenticationFailedException) {
            what = server + " refused the login of '" + settings.username().orElse("") + "'";
            hint = "check the SMTP username and password";
        } else if (has(e, UnknownHostException.class)) {
            what = "cannot find the SMTP host " + settings.host();
            hint = "check its name";
        } else if (has(e, ConnectException.class)) {
            what = "cannot connect to " + server;
            hint = "check the host and port, and that the server runs";
        } else if (has(e, SocketTimeoutException.class)) {
            what = server + " did not answer within " + settings.connectTimeout().toMillis() + " ms (connect) or "
                    + settings.readTimeout().toMillis() + " ms (read)";
            hint = "check the host, the port and the firewall";
        } else if (has(e, SSLException.class)) {
            what = "TLS with " + server + " failed";
            hint = "check the security setting (465 is usually SMTPS, 587 STARTTLS) and the server's certificate";
        } else if (e instanceof SendFailedException) {
            what = server + " refused the mail to " + mail.to().masked();
            hint = "";
        } else {
            what = "could not send the mail to " + mail.to().masked() + " through " + server;
            hint = "";
        }
        return what + " (" + reasons(e) + ")" + (hint.isEmpty() ? "" : "; " + hint);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Each distinct message along the causes; the server's own words are often the useful part. */
    private String reasons(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            messages.add(m.replaceAll("\\s+", " "));
        }
        // A server may echo what it was sent (a spam filter quotes the link it blocked): neither
        // the password nor a link may reach a log through us.
        String reasons = String.join(": ", messages).replaceAll("https?://\\S+", "<link>");
        return settings.password().map(pw -> reasons.replace(pw, "****")).orElse(reasons);
    }
}
