package dev.truss.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.dynamodb.Dynalite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** {@code truss dynamodb create-table} against dynalite, credentials from the default chain. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreateTableCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void dummyCredentialsInTheDefaultChain() {
        System.setProperty("aws.accessKeyId", "dynalite");
        System.setProperty("aws.secretAccessKey", "dynalite");
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private int truss(String... args) {
        return TrussCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void creates_the_table_and_a_second_run_changes_nothing() {
        String table = "truss-cli-" + UUID.randomUUID().toString().substring(0, 8);
        String endpoint = Dynalite.endpoint().toString();

        int first = truss("dynamodb", "--table", table, "--endpoint", endpoint, "create-table");
        int second = truss("dynamodb", "--table", table, "--endpoint", endpoint, "create-table");

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString().lines().findFirst().orElseThrow()).contains(table).contains("created");
        assertThat(out.toString().lines().skip(1).findFirst().orElseThrow()).contains("nothing changed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void an_unreachable_endpoint_is_one_line_and_a_non_zero_exit() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = truss("dynamodb", "--endpoint", "http://127.0.0.1:" + closedPort, "create-table");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).startsWith("truss: ").contains("127.0.0.1:" + closedPort).doesNotContain("\tat ");
    }

    @Test
    void a_bad_table_name_is_refused_with_the_rule() {
        int exit = truss("dynamodb", "--table", "no spaces allowed", "create-table");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("not a DynamoDB table name").doesNotContain("\tat ");
    }
}
