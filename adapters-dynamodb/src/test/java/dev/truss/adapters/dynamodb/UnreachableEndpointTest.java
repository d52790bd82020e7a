package dev.truss.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.TableUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A port on loopback that nothing listens on: every call fails at once, and says where and what. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnreachableEndpointTest {

    private static final String SECRET = "do-not-print-this-secret";
    private static final Key KEY = new Key("PK", "SK");

    private static DynamoDbClient client;
    private static DynamoDbTable table;

    @BeforeAll
    static void clientOfAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DynamoDbSettings settings = DynamoDbSettings.of("truss-unreachable", "eu-west-1")
                .withEndpoint(URI.create("http://127.0.0.1:" + closedPort));
        client = DynamoDbClientFactory.of(settings)
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDUNREACHABLE", SECRET)))
                .withMaxAttempts(1)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2))
                .create();
        table = new DynamoDbTable(client, settings.tableName());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void every_table_operation_fails_as_unavailable_naming_operation_table_and_endpoint_but_no_secret() {
        assertUnavailable("GetItem", () -> table.get(KEY));
        assertUnavailable("PutItem", () -> table.put(Item.of(KEY), Expect.absent()));
        assertUnavailable("DeleteItem", () -> table.delete(KEY));
        assertUnavailable("UpdateItem", () -> table.add(KEY, Map.of("n", 1L)));
        assertUnavailable("Query", () -> table.query(Query.table("PK", SortKeyRange.beginsWith("S"), false, 1)));
    }

    @Test
    void table_setup_fails_as_unavailable_too() {
        assertUnavailable("DescribeTable", () -> new TableSetup(client, "truss-unreachable").ensure());
    }

    private static void assertUnavailable(String operation, Executable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::execute)
                .isInstanceOf(TableUnavailableException.class)
                .hasMessageContaining(operation)
                .hasMessageContaining("truss-unreachable (eu-west-1 at http://127.0.0.1:")
                .hasMessageNotContaining(SECRET)
                .hasCauseInstanceOf(SdkClientException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
