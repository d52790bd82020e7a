package dev.truss.application.fake;

import dev.truss.application.port.storage.CreatorStore;
import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.CreatorId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Creators in memory; one lock makes "one creator per email" hold under racing first logins. */
public final class InMemoryCreatorStore implements CreatorStore {

    private final Map<CreatorId, Creator> byId = new HashMap<>();
    private final Map<EmailAddress, CreatorId> idByEmail = new HashMap<>();

    @Override
    public synchronized WriteResult<Creator> create(Creator creator) {
        CreatorId owner = idByEmail.get(creator.email());
        if (owner != null) {
            return new WriteResult.AlreadyExists<>(byId.get(owner));
        }
        WriteResult<Creator> result = Rows.create(byId, creator.id(), creator);
        if (result instanceof WriteResult.Written) {
            idByEmail.put(creator.email(), creator.id());
        }
        return result;
    }

    @Override
    public synchronized Optional<Creator> find(CreatorId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Creator> findByEmail(EmailAddress email) {
        return Optional.ofNullable(idByEmail.get(email)).map(byId::get);
    }

    @Override
    public synchronized WriteResult<Creator> update(Creator creator) {
        Creator before = byId.get(creator.id());
        WriteResult<Creator> result = Rows.update(byId, creator.id(), creator);
        if (result instanceof WriteResult.Written && !before.email().equals(creator.email())) {
            // The domain never changes an email today; keep the index honest if it ever does.
            idByEmail.remove(before.email());
            idByEmail.put(creator.email(), creator.id());
        }
        return result;
    }
}
