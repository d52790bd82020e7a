/**
 * In-memory fakes of every storage port: real, thread-safe implementations that pass the
 * same contract suites as the database adapters, so use-case tests and embedders can run
 * without a database. Each store guards its maps with its own lock (synchronized methods),
 * which keeps conditional writes and read-modify-write trivially atomic.
 */
package dev.truss.application.fake;
