/**
 * Storage ports, one per aggregate of the single table. Every write is conditional and every
 * list is paged; a read-modify-write carries the version it read ({@link
 * dev.truss.application.port.storage.WriteResult.VersionConflict} when it lost a race).
 */
package dev.truss.application.port.storage;
