package dev.truss.adapters.http.routes;

import dev.truss.domain.creator.Creator;
import java.time.Instant;

/** The API's shapes of the domain: ids as strings, times as ISO-8601, durations in milliseconds. */
final class Views {

    private Views() {
    }

    record Profile(String id, String email, String displayName, Instant createdAt, long version) {
        static Profile of(Creator creator) {
            return new Profile(creator.id().ulid().value(), creator.email().value(), creator.displayName(),
                    creator.createdAt(), creator.version());
        }
    }
}
