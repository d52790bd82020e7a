/**
 * The single table in one SQLite file: the durable store Truss uses by default on one machine,
 * with no cloud account. {@link dev.truss.adapters.sqlite.SqliteTable} implements
 * {@link dev.truss.singletable.Table} with DynamoDB's semantics (conditional writes, atomic
 * counters, byte-ordered keys, sparse indexes); {@link dev.truss.adapters.sqlite.SqliteSettings}
 * says where the file lives. See the module's README for the schema and how to back it up.
 */
package dev.truss.adapters.sqlite;
