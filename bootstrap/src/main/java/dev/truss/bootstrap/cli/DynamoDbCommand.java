package dev.truss.bootstrap.cli;

import dev.truss.adapters.dynamodb.DynamoDbClientFactory;
import dev.truss.adapters.dynamodb.DynamoDbSettings;
import dev.truss.adapters.dynamodb.TableSetup;
import dev.truss.adapters.dynamodb.TableSetupReport;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Commands for running Truss on DynamoDB. */
@Command(name = "dynamodb", mixinStandardHelpOptions = true, description = "Set up the DynamoDB table.")
final class DynamoDbCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--table", defaultValue = "${env:TRUSS_DYNAMODB_TABLE:-truss}",
            description = "table name (env TRUSS_DYNAMODB_TABLE, default: ${DEFAULT-VALUE})")
    String table;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "AWS region (env AWS_REGION, default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--endpoint", description = "another DynamoDB endpoint, e.g. http://127.0.0.1:8000 (default: AWS)")
    Optional<URI> endpoint;

    /**
     * Creates the table if it is missing (PK/SK, on demand, GSI1 and GSI2, TTL on expiresAt) and
     * checks the shape of one that exists; running it again changes nothing. Credentials come from
     * the default AWS chain (environment, profile, web identity, instance role).
     */
    @Command(name = "create-table", mixinStandardHelpOptions = true,
            description = "Create the table, or check an existing one; safe to run again.")
    int createTable() {
        DynamoDbSettings settings = DynamoDbSettings.of(table, region);
        if (endpoint.isPresent()) {
            settings = settings.withEndpoint(endpoint.get());
        }
        try (DynamoDbClient client = DynamoDbClientFactory.of(settings).create()) {
            TableSetupReport report = new TableSetup(client, table).ensure();
            spec.commandLine().getOut().println(report.summary());
            return 0;
        }
    }
}
