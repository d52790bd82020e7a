package dev.truss.application.port.storage;

import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** Pending magic links, keyed by the hash of their token. */
public interface MagicLinkStore {

    void save(MagicLink link);

    /**
     * Removes the link and returns it, atomically: of two verifications racing, exactly one
     * gets the link. An expired link is removed too, and returned as absent.
     */
    Optional<MagicLink> consume(TokenHash token, Instant now);
}
