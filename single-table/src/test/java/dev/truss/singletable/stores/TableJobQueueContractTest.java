package dev.truss.singletable.stores;

import dev.truss.application.contract.JobQueueContract;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.JobQueue;
import dev.truss.singletable.InMemoryTable;
import java.time.Duration;

/** The queue over the in-memory table; the SQLite and DynamoDB adapters run the same contract on theirs. */
class TableJobQueueContractTest extends JobQueueContract {

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    @Override
    protected JobQueue newQueue(Duration visibilityTimeout) {
        return new TableJobQueue(new InMemoryTable(), "test", clock, visibilityTimeout, Duration.ofMillis(5));
    }

    @Override
    protected void letTimePass(Duration amount) {
        clock.advance(amount);
    }
}
