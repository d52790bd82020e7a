package dev.truss.singletable.stores;

import dev.truss.application.port.storage.MagicLinkStore;
import dev.truss.domain.auth.MagicLink;
import dev.truss.domain.auth.TokenHash;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import java.time.Instant;
import java.util.Optional;

/**
 * Magic links at {@code MAGIC#<sha-256 of the token> / VERIFY}, with a TTL. Consuming is one
 * delete that returns the item, so of two clicks at the same moment exactly one logs in.
 */
final class TableMagicLinkStore implements MagicLinkStore {

    private final Items items;

    TableMagicLinkStore(Items items) {
        this.items = items;
    }

    @Override
    public void save(MagicLink link) {
        items.table().put(items.item(Keys.magicLink(link.tokenHash()), link)
                .with(Attributes.EXPIRES_AT, Expiry.epochSeconds(link.expiresAt())), Expect.anything());
    }

    @Override
    public Optional<MagicLink> consume(TokenHash token, Instant now) {
        return items.table().delete(Keys.magicLink(token))
                .map(item -> items.entity(item, MagicLink.class))
                .filter(link -> !link.isExpiredAt(now)); // the TTL sweep is lazy: check expiry on every read
    }
}
