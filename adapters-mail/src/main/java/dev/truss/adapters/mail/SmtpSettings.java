package dev.truss.adapters.mail;

import dev.truss.domain.creator.EmailAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link SmtpMailer} sends: the server, the login (both or neither), the sender,
 * the transport security and how long to wait. Invalid values fail here, at startup, rather
 * than at the first login link.
 *
 * @param trustedHosts hosts whose certificate is trusted without checking ({@code mail.smtp.ssl.trust},
 *     space-separated, {@code *} for any): for a test server's self-signed certificate, never in production
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> username,
        Optional<String> password, EmailAddress from, Optional<String> fromName, Duration connectTimeout,
        Duration readTimeout, Optional<String> trustedHosts) {

    public enum Security {
        /** Plain text: only for a relay on the same machine or network. */
        NONE,
        /** Upgrades with STARTTLS (usually port 587) and refuses a server that does not offer it. */
        STARTTLS_REQUIRED,
        /** TLS from the first byte (implicit TLS, usually port 465). */
        SMTPS
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public SmtpSettings {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the SMTP host must be a host name or address without spaces, not '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, not " + port);
        }
        Objects.requireNonNull(security, "security (NONE, STARTTLS_REQUIRED or SMTPS)");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("the SMTP username and password go together: give both or neither");
        }
        if (username.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the SMTP username is blank");
        }
        if (password.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("the SMTP password is empty");
        }
        Objects.requireNonNull(from, "from (the sender's address)");
        try {
            new InternetAddress(from.value(), true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + from.value() + "' cannot be a sender address: " + e.getMessage(), e);
        }
        Objects.requireNonNull(fromName, "fromName");
        if (fromName.filter(n -> n.isBlank() || n.chars().anyMatch(Character::isISOControl)).isPresent()) {
            throw new IllegalArgumentException("the sender's name must be one line of text, not '" + fromName.get() + "'");
        }
        connectTimeout = positiveMillis(connectTimeout, "connect timeout");
        readTimeout = positiveMillis(readTimeout, "read timeout");
        Objects.requireNonNull(trustedHosts, "trustedHosts");
        if (trustedHosts.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("trusted hosts is blank: leave it empty to check every certificate");
        }
    }

    /** No login, no sender name, default timeouts, every certificate checked. */
    public static SmtpSettings of(String host, int port, Security security, EmailAddress from) {
        return new SmtpSettings(host, port, security, Optional.empty(), Optional.empty(), from, Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, Optional.empty());
    }

    public SmtpSettings withLogin(String username, String password) {
        return new SmtpSettings(host, port, security, Optional.ofNullable(username), Optional.ofNullable(password),
                from, fromName, connectTimeout, readTimeout, trustedHosts);
    }

    public SmtpSettings withFromName(String name) {
        return new SmtpSettings(host, port, security, username, password, from, Optional.ofNullable(name),
                connectTimeout, readTimeout, trustedHosts);
    }

    public SmtpSettings withTimeouts(Duration connect, Duration read) {
        return new SmtpSettings(host, port, security, username, password, from, fromName, connect, read, trustedHosts);
    }

    public SmtpSettings withTrustedHosts(String hosts) {
        return new SmtpSettings(host, port, security, username, password, from, fromName, connectTimeout,
                readTimeout, Optional.ofNullable(hosts));
    }

    /** Says whether a password is set, never what it is: settings end up in logs. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)")
                + ", from=" + fromName.map(n -> n + " ").orElse("") + "<" + from.value() + ">"
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", trustedHosts=" + trustedHosts.orElse("(none)") + "]";
    }

    private static Duration positiveMillis(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            // Angus takes whole milliseconds as an int, and 0 would mean "wait forever".
            throw new IllegalArgumentException("the SMTP " + what + " must be between 1 ms and about 24 days, not " + timeout);
        }
        return timeout;
    }
}
