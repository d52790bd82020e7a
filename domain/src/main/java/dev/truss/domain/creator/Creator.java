package dev.truss.domain.creator;

import dev.truss.domain.Text;
import dev.truss.domain.Versioned;
import dev.truss.domain.id.CreatorId;
import java.time.Instant;
import java.util.Objects;

/** A person who makes videos and logs in to Truss by magic link. */
public record Creator(CreatorId id, EmailAddress email, String displayName, Instant createdAt, long version)
        implements Versioned<Creator> {

    public static final int MAX_NAME_LENGTH = 80;

    public Creator {
        Objects.requireNonNull(id, "creator id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "created at");
        displayName = Text.optional("display name", displayName, MAX_NAME_LENGTH);
    }

    /** A creator made by their first login; the name defaults to the email's local part. */
    public static Creator firstLogin(CreatorId id, EmailAddress email, Instant at) {
        return new Creator(id, email, email.value().substring(0, email.value().indexOf('@')), at, 0);
    }

    public Creator renamed(String newName) {
        return new Creator(id, email, Text.required("display name", newName, MAX_NAME_LENGTH), createdAt, version);
    }

    @Override
    public Creator withVersion(long newVersion) {
        return new Creator(id, email, displayName, createdAt, newVersion);
    }
}
