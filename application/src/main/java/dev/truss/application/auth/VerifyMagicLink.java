package dev.truss.application.auth;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.IdSource;
import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.application.port.storage.SessionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.SecretToken;
import dev.truss.domain.auth.Session;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.CreatorId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs in with a magic link: the link is consumed (it works once, even when clicked twice at
 * the same moment), the creator is created on their first login, and a session opens.
 */
public final class VerifyMagicLink {

    /** The session token goes into the cookie only; it is never shown anywhere else. */
    public record LoggedIn(SecretToken sessionToken, Session session, Creator creator, boolean firstLogin) {
    }

    private final MagicLinkStore links;
    private final CreatorStore creators;
    private final SessionStore sessions;
    private final IdSource ids;
    private final Clock clock;
    private final SecureRandom random;

    public VerifyMagicLink(MagicLinkStore links, CreatorStore creators, SessionStore sessions, IdSource ids,
                           Clock clock, SecureRandom random) {
        this.links = links;
        this.creators = creators;
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
        this.random = random;
    }

    public Outcome<LoggedIn> execute(String token) {
        Instant now = clock.instant();
        Optional<MagicLink> link = consume(token, now);
        if (link.isEmpty()) {
            return Outcome.rejected("this login link is not valid: it was used already, has expired or was "
                    + "mistyped. Ask for a new one.");
        }
        Optional<Creator> known = creators.findByEmail(link.get().email());
        Creator creator = known.orElseGet(() -> register(link.get(), now));
        SecretToken sessionToken = SecretToken.generate(random);
        Session session = Session.open(sessionToken.hash(), creator.id(), now);
        sessions.save(session);
        return Outcome.ok(new LoggedIn(sessionToken, session, creator, known.isEmpty()));
    }

    private Optional<MagicLink> consume(String token, Instant now) {
        try {
            return links.consume(new SecretToken(token).hash(), now);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // not a token we could have issued
        }
    }

    private Creator register(MagicLink link, Instant now) {
        WriteResult<Creator> created = creators.create(Creator.firstLogin(new CreatorId(ids.next()), link.email(), now));
        // Two first logins of the same email racing: the one stored first wins, both log in to it.
        if (created instanceof WriteResult.AlreadyExists<Creator> existing) {
            return existing.existing();
        }
        return ((WriteResult.Written<Creator>) created).value();
    }
}
