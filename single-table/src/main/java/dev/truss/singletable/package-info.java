/**
 * The one table, as the few operations the key design needs ({@link dev.truss.singletable.Table}):
 * conditional puts, returning deletes, atomic counters and one-partition queries of the table or
 * its two sparse indexes. DynamoDB and SQLite implement it in their adapters; the stores in
 * {@code stores} are written once on top of it, so both backends hold exactly the same items.
 */
package dev.truss.singletable;
