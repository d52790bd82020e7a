package dev.truss.singletable.stores;

import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.CreatorId;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.PutOutcome;
import java.util.Optional;

/**
 * Creators: the profile at {@code CREATOR#<id> / METADATA}, and an owner item per email at
 * {@code EMAIL#<sha-256> / CREATOR} whose conditional put is what makes an email belong to one
 * creator. No transaction: the owner item is written first and carries a copy of the new
 * creator, so a create that crashed before writing the profile is finished by whoever comes
 * next with that email (see {@link #create}).
 */
final class TableCreatorStore implements CreatorStore {

    private static final String OWNER = "creatorId";

    private final Items items;

    TableCreatorStore(Items items) {
        this.items = items;
    }

    @Override
    public WriteResult<Creator> create(Creator creator) {
        Item owner = items.item(Keys.emailOwner(creator.email()), creator).with(OWNER, creator.id().value());
        boolean claimedNow = items.table().put(owner, Expect.absent()) == PutOutcome.WRITTEN;
        Optional<Item> claimed = claimedNow ? Optional.of(owner) : items.table().get(owner.key());
        if (claimed.isEmpty()) {
            return create(creator); // the owner item vanished in between: claim again
        }
        Creator claimant = items.entity(claimed.get(), Creator.class);
        // The idempotent second step, which anyone may finish: the claimant's profile, unless it is there.
        WriteResult<Creator> profile = items.create(items.item(Keys.profile(claimant.id()), claimant), claimant,
                Creator.class);
        if (claimedNow) {
            return new WriteResult.Written<>(creator);
        }
        return new WriteResult.AlreadyExists<>(profile instanceof WriteResult.AlreadyExists<Creator> existing
                ? existing.existing() : claimant);
    }

    @Override
    public Optional<Creator> find(CreatorId id) {
        return items.find(Keys.profile(id), Creator.class);
    }

    /** Two reads: the owner item, then the profile (an unfinished create reads as absent). */
    @Override
    public Optional<Creator> findByEmail(EmailAddress email) {
        return items.table().get(Keys.emailOwner(email))
                .flatMap(owner -> owner.string(OWNER))
                .flatMap(id -> find(CreatorId.parse(id)));
    }

    @Override
    public WriteResult<Creator> update(Creator creator) {
        return items.update(Keys.profile(creator.id()), creator);
    }
}
