package dev.truss.domain.id;

/** Identifies a job; sorts by creation time. */
public record JobId(Ulid ulid) implements EntityId {

    public JobId {
        java.util.Objects.requireNonNull(ulid, "job id");
    }

    /** Parses a job id given by a user or read from storage. */
    public static JobId parse(String text) {
        return new JobId(EntityId.parse("job", text));
    }

    @Override
    public String toString() {
        return ulid.value();
    }
}
