package dev.truss.application.auth;

import dev.truss.application.port.Mailer;
import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.creator.EmailAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Mails a one-time login link. The answer is the same whether or not the email belongs to a
 * creator, so the endpoint cannot be used to find out who has an account.
 */
public final class RequestMagicLink {

    public record Command(EmailAddress email) {
        public Command {
            java.util.Objects.requireNonNull(email, "email");
        }

        public static Command of(String email) {
            return new Command(new EmailAddress(email));
        }
    }

    private final MagicLinkStore links;
    private final Mailer mailer;
    private final Clock clock;
    private final SecureRandom random;
    private final URI verifyPage;

    /** {@code verifyPage} is where the link points; the token is added as its {@code token} parameter. */
    public RequestMagicLink(MagicLinkStore links, Mailer mailer, Clock clock, SecureRandom random, URI verifyPage) {
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
        this.random = random;
        this.verifyPage = verifyPage;
    }

    public void execute(Command command) {
        SecretToken token = SecretToken.generate(random);
        MagicLink link = MagicLink.issue(token.hash(), command.email(), clock.instant());
        links.save(link);
        String url = verifyPage + (verifyPage.getQuery() == null ? "?" : "&") + "token="
                + URLEncoder.encode(token.value(), StandardCharsets.US_ASCII);
        mailer.send(new Mailer.Mail(command.email(), "Your Truss login link",
                "Open this link to log in to Truss:\n\n" + url + "\n\nIt works once, for "
                        + MagicLink.LIFETIME.toMinutes() + " minutes. If you did not ask for it, ignore this mail.\n"));
    }
}
