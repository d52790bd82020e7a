/**
 * Background jobs: submitting work once (ids derived from the work), running it at least once
 * with retries and takeover of dead workers, and polling its status.
 */
package dev.truss.application.job;
