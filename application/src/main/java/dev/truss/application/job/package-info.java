/**
 * Background jobs: submitting work once (ids derived from the work), running it at least once
 * with retries, heartbeats and takeover of dead workers on a bounded pool of worker threads,
 * and polling its status.
 */
package dev.truss.application.job;
