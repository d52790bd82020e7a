package dev.truss.application.port.storage;

import dev.truss.domain.creator.Creator;
import dev.truss.domain.creator.EmailAddress;
import dev.truss.domain.id.CreatorId;
import java.util.Optional;

/** Creator profiles, and the one-creator-per-email rule. */
public interface CreatorStore {

    /**
     * Stores a new creator unless one already has this email, in which case that one is
     * returned as {@link WriteResult.AlreadyExists}: two first logins racing make one account.
     */
    WriteResult<Creator> create(Creator creator);

    Optional<Creator> find(CreatorId id);

    Optional<Creator> findByEmail(EmailAddress email);

    /** Saves a changed profile if it still has the version that was read. */
    WriteResult<Creator> update(Creator creator);
}
