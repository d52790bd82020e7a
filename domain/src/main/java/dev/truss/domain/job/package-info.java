/** Background jobs (analysis, rendering, publishing) with a state, a stage and progress a client can poll. */
package dev.truss.domain.job;
