package dev.truss.adapters.dynamodb;

import dev.truss.application.contract.JobQueueContract;
import dev.truss.application.fake.MutableClock;
import dev.truss.application.port.JobQueue;
import dev.truss.singletable.stores.TableJobQueue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The durable job queue on DynamoDB (dynalite); each test takes a queue of its own name, so it starts empty. */
class DynamoDbJobQueueTest extends JobQueueContract {

    private static DynamoDbClient client;
    private static DynamoDbTable table;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    @BeforeAll
    static void freshTable() {
        DynamoDbSettings settings = Dynalite.freshTable();
        client = Dynalite.clients(settings).create();
        table = new DynamoDbTable(client, settings.tableName());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected JobQueue newQueue(Duration visibilityTimeout) {
        return new TableJobQueue(table, "test-" + UUID.randomUUID(), clock, visibilityTimeout, Duration.ofMillis(20));
    }

    @Override
    protected void letTimePass(Duration amount) {
        clock.advance(amount);
    }
}
