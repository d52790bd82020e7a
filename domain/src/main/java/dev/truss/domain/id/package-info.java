/**
 * Identifiers. Every entity id is a {@link dev.truss.domain.id.Ulid}: fixed length, URL-safe,
 * validated on parse, and ordered by creation time, so storage keys built from them list
 * newest-first without a secondary index.
 */
package dev.truss.domain.id;
