package dev.truss.application.fake;

import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.TokenHash;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Magic links in memory; {@link ConcurrentHashMap#remove} hands a link to exactly one consumer. */
public final class InMemoryMagicLinkStore implements MagicLinkStore {

    private final Map<TokenHash, MagicLink> links = new ConcurrentHashMap<>();

    @Override
    public void save(MagicLink link) {
        links.put(link.tokenHash(), link);
    }

    @Override
    public Optional<MagicLink> consume(TokenHash token, Instant now) {
        return Optional.ofNullable(links.remove(token)).filter(link -> !link.isExpiredAt(now));
    }
}
