package dev.truss.singletable.stores;

import dev.truss.application.port.storage.PlatformConnectionStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.id.CreatorId;
import dev.truss.domain.auth.TokenHash;
import dev.truss.domain.platform.PendingAuthorization;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.platform.PlatformConnection;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Connections at {@code CREATOR#<id> / PLATFORM#<platform>}; tokens arrive sealed and stay so.
 * Consents under way at {@code OAUTH#<sha-256 of the state> / PENDING}, with a TTL; consuming one
 * is a single delete that returns the item, so a replayed state finds nothing.
 */
final class TableConnectionStore implements PlatformConnectionStore {

    private final Items items;

    TableConnectionStore(Items items) {
        this.items = items;
    }

    @Override
    public void save(PlatformConnection connection) {
        items.table().put(items.item(Keys.connection(connection.creatorId(), connection.platform()), connection),
                Expect.anything());
    }

    @Override
    public WriteResult<PlatformConnection> replace(PlatformConnection connection) {
        PutOutcome outcome = items.table().put(items.item(Keys.connection(connection.creatorId(),
                connection.platform()), connection), Expect.present());
        return outcome == PutOutcome.WRITTEN ? new WriteResult.Written<>(connection) : new WriteResult.Missing<>();
    }

    @Override
    public Optional<PlatformConnection> find(CreatorId creator, Platform platform) {
        return items.find(Keys.connection(creator, platform), PlatformConnection.class);
    }

    @Override
    public List<PlatformConnection> list(CreatorId creator) {
        Query all = Query.table(Keys.creator(creator), SortKeyRange.beginsWith(Keys.PLATFORM_PREFIX), false,
                Platform.values().length);
        return Paging.readAll(items.table(), all).stream()
                .map(item -> items.entity(item, PlatformConnection.class))
                .sorted((a, b) -> a.platform().compareTo(b.platform()))
                .toList();
    }

    @Override
    public WriteResult<PlatformConnection> delete(CreatorId creator, Platform platform) {
        return items.delete(Keys.connection(creator, platform), PlatformConnection.class);
    }

    @Override
    public void savePending(PendingAuthorization pending) {
        items.table().put(items.item(Keys.pendingAuthorization(pending.state()), pending)
                .with(Attributes.EXPIRES_AT, Expiry.epochSeconds(pending.expiresAt())), Expect.anything());
    }

    @Override
    public Optional<PendingAuthorization> consumePending(TokenHash state, Instant now) {
        return items.table().delete(Keys.pendingAuthorization(state))
                .map(item -> items.entity(item, PendingAuthorization.class))
                .filter(pending -> !pending.isExpiredAt(now)); // the TTL sweep is lazy
    }
}
