package dev.truss.application.profile;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.CreatorStore;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.CreatorId;

/** The logged-in creator's profile. */
public final class GetProfile {

    private final CreatorStore creators;

    public GetProfile(CreatorStore creators) {
        this.creators = creators;
    }

    public Outcome<Creator> execute(CreatorId creator) {
        return creators.find(creator).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("no creator " + creator));
    }
}
