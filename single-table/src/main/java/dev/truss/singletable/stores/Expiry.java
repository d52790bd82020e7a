package dev.truss.singletable.stores;

import java.time.Instant;

/** The TTL attribute: DynamoDB wants whole epoch seconds, and must not sweep an item early. */
final class Expiry {

    private Expiry() {
    }

    static long epochSeconds(Instant expiresAt) {
        return expiresAt.getNano() == 0 ? expiresAt.getEpochSecond() : expiresAt.getEpochSecond() + 1;
    }
}
