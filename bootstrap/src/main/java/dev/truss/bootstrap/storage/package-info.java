/** Chooses and opens the table: embedded SQLite by default, DynamoDB when configured. */
package dev.truss.bootstrap.storage;
