package dev.truss.application.port;

import dev.truss.domain.id.Ulid;

/** New ids, increasing with creation time. */
public interface IdSource {
    Ulid next();
}
