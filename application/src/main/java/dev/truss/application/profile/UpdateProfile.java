package dev.truss.application.profile;

import dev.truss.application.common.Outcome;
import dev.truss.application.port.storage.CreatorStore;
import dev.truss.domain.Text;
import dev.truss.domain.creator.Creator;
import dev.truss.domain.id.CreatorId;

/** Changes what a creator can change about themselves: their display name. */
public final class UpdateProfile {

    public record Command(CreatorId creator, String displayName) {
        public Command {
            java.util.Objects.requireNonNull(creator, "creator");
            displayName = Text.required("display name", displayName, Creator.MAX_NAME_LENGTH);
        }
    }

    private final CreatorStore creators;

    public UpdateProfile(CreatorStore creators) {
        this.creators = creators;
    }

    public Outcome<Creator> execute(Command command) {
        return creators.find(command.creator())
                .map(current -> Outcome.of(creators.update(current.renamed(command.displayName())), "the profile"))
                .orElseGet(() -> Outcome.notFound("no creator " + command.creator()));
    }
}
