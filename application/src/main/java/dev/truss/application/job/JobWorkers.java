package dev.truss.application.job;

import dev.truss.application.port.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of worker threads, each running jobs one after another with {@link RunJobs},
 * so at most that many jobs run at once in this process. A worker never dies of a failure: it
 * logs it, pauses, and takes the next job. Nothing needs doing at start-up to take back the
 * jobs of a process that crashed: their tickets come back once their visibility timeout ends,
 * and {@link RunJobs} takes over a running job whose lease ran out.
 *
 * <pre>{@code
 * try (JobWorkers workers = JobWorkers.start(truss.runJobs(), 4, Duration.ofSeconds(20))) {
 *     ... serve requests ...
 * }
 * }</pre>
 */
public final class JobWorkers implements AutoCloseable {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());
    private static final Duration MAX_PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private enum State { TAKING, RUNNING, STOPPED }

    private final RunJobs runJobs;
    private final Duration pollWait;
    private final Duration grace;
    private final List<Worker> workers;
    private volatile boolean stopping;

    private JobWorkers(RunJobs runJobs, int threads, Duration pollWait, Duration grace) {
        this.runJobs = Objects.requireNonNull(runJobs, "runJobs");
        this.pollWait = pollWait;
        this.grace = grace;
        List<Worker> made = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            made.add(new Worker("truss-job-worker-" + i));
        }
        this.workers = List.copyOf(made); // final: whichever thread closes the pool sees every worker
    }

    /** Starts {@code threads} workers that wait up to {@code pollWait} per take; closing grants {@link #DEFAULT_GRACE}. */
    public static JobWorkers start(RunJobs runJobs, int threads, Duration pollWait) {
        return start(runJobs, threads, pollWait, DEFAULT_GRACE);
    }

    /**
     * {@code pollWait} costs nothing but a query per poll (idle takers are interrupted on close);
     * {@code grace} is how long {@link #close} lets running jobs finish before interrupting them.
     */
    public static JobWorkers start(RunJobs runJobs, int threads, Duration pollWait, Duration grace) {
        if (threads < 1 || pollWait.isNegative() || pollWait.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("need at least one thread, a positive poll wait and a grace period, got "
                    + threads + ", " + pollWait + ", " + grace);
        }
        JobWorkers pool = new JobWorkers(runJobs, threads, pollWait, grace);
        pool.workers.forEach(worker -> worker.thread.start());
        return pool;
    }

    /**
     * Stops taking jobs at once, lets running ones finish for the grace period, then interrupts
     * them (their handlers stop; each job is recorded as a failed attempt and put back) and waits
     * as long again for them to record it. Daemon threads: a process that exits without closing
     * loses nothing either, its deliveries come back after their visibility timeout.
     */
    @Override
    public void close() {
        stopping = true;
        workers.forEach(Worker::stopIfIdle);
        try {
            if (!awaitWorkers(grace)) {
                LOG.info("interrupting the jobs still running after a grace period of " + grace);
                workers.forEach(worker -> worker.thread.interrupt());
                if (!awaitWorkers(grace)) {
                    LOG.warning("some job workers did not stop; their jobs will be taken over when their lease ends");
                }
            }
        } catch (InterruptedException e) {
            workers.forEach(worker -> worker.thread.interrupt());
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitWorkers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : workers) {
            TimeUnit.NANOSECONDS.timedJoin(worker.thread, Math.max(1, deadline - System.nanoTime()));
        }
        return workers.stream().noneMatch(worker -> worker.thread.isAlive());
    }

    private final class Worker implements Runnable {
        final Thread thread;
        final AtomicReference<State> state = new AtomicReference<>(State.TAKING);

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        /** Interrupts the worker only while it waits for a job, never while it runs one. */
        void stopIfIdle() {
            if (state.compareAndSet(State.TAKING, State.STOPPED)) {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            while (!stopping) {
                Optional<JobQueue.Delivery> delivery;
                try {
                    delivery = runJobs.take(pollWait);
                } catch (InterruptedException stop) {
                    continue; // close() woke it; the loop sees that it is stopping
                } catch (RuntimeException | Error failure) {
                    pauseAfter(failure);
                    continue;
                }
                if (delivery.isEmpty()) {
                    continue;
                }
                if (!state.compareAndSet(State.TAKING, State.RUNNING)) {
                    handBack(delivery.get()); // close() came between the take and the run
                    return;
                }
                Throwable failure = null;
                try {
                    runJobs.run(delivery.get());
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                state.compareAndSet(State.RUNNING, State.TAKING);
                if (failure != null) {
                    pauseAfter(failure);
                }
            }
        }

        private void handBack(JobQueue.Delivery delivery) {
            Thread.interrupted(); // close()'s interrupt must not refuse the release
            try {
                runJobs.putBack(delivery);
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "could not hand back a job on closing; it comes back after its visibility timeout", e);
            }
        }

        /** Logs, then waits a moment so that a store that is down is not hammered. */
        private void pauseAfter(Throwable failure) {
            if (failure instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            LOG.log(Level.WARNING, "a job worker failed; it goes on with the next job", failure);
            if (stopping) {
                return;
            }
            Duration pause = pollWait.compareTo(MAX_PAUSE_AFTER_FAILURE) < 0 ? pollWait : MAX_PAUSE_AFTER_FAILURE;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException stop) {
                // close() woke it
            }
        }
    }
}
