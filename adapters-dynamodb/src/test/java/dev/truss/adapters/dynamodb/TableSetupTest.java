package dev.truss.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.dynamodb.TableSetupReport.TimeToLive;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** TableSetup against dynalite, each test on a table name of its own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableSetupTest {

    private static DynamoDbClient client;

    @BeforeAll
    static void client() {
        client = Dynalite.clients(DynamoDbSettings.of("setup-tests", Dynalite.REGION)).create();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static String newName() {
        return "setup-" + UUID.randomUUID();
    }

    @Test
    void it_creates_an_on_demand_table_keyed_by_PK_and_SK_with_both_indexes_projecting_everything() {
        String name = newName();

        TableSetupReport report = new TableSetup(client, name).ensure();

        assertThat(report.tableCreated()).isTrue();
        assertThat(report.changedAnything()).isTrue();
        TableDescription table = client.describeTable(request -> request.tableName(name)).table();
        assertThat(table.keySchema()).extracting(key -> key.attributeName() + " " + key.keyType())
                .containsExactly("PK HASH", "SK RANGE");
        assertThat(table.attributeDefinitions()).allMatch(attribute -> attribute.attributeType() == ScalarAttributeType.S);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("GSI1", "GSI2");
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            assertThat(index.keySchema()).extracting(key -> key.attributeName() + " " + key.keyType())
                    .containsExactly(index.indexName() + "PK " + KeyType.HASH, index.indexName() + "SK " + KeyType.RANGE);
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        }
    }

    @Test
    void dynalite_is_reported_as_unable_to_expire_items_rather_than_failing() {
        TableSetupReport report = new TableSetup(client, newName()).ensure();

        assertThat(report.timeToLive()).isEqualTo(TimeToLive.NOT_SUPPORTED_BY_ENDPOINT);
        assertThat(report.summary()).contains("created", "TTL on expiresAt: not supported by this endpoint");
    }

    @Test
    void running_it_again_changes_nothing_and_says_so() {
        String name = newName();
        new TableSetup(client, name).ensure();

        TableSetupReport again = new TableSetup(client, name).ensure();

        assertThat(again.tableCreated()).isFalse();
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.summary()).contains("already there", "nothing changed");
    }

    @Test
    void an_existing_table_with_another_key_is_rejected_with_what_differs() {
        String name = newName();
        client.createTable(request -> request.tableName(name)
                .attributeDefinitions(strings("id"))
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));

        assertThatThrownBy(() -> new TableSetup(client, name).ensure())
                .isInstanceOf(TableSetupException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("its key is id S HASH, not PK S HASH, SK S RANGE")
                .hasMessageContaining("no global secondary index GSI1")
                .hasMessageContaining("no global secondary index GSI2");
    }

    @Test
    void an_existing_table_lacking_an_index_or_projecting_only_keys_is_rejected() {
        String name = newName();
        client.createTable(request -> request.tableName(name)
                .attributeDefinitions(strings("PK", "SK", "GSI1PK", "GSI1SK"))
                .keySchema(keySchema("PK", "SK"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("GSI1")
                        .keySchema(keySchema("GSI1PK", "GSI1SK"))
                        .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST));

        assertThatThrownBy(() -> new TableSetup(client, name).ensure())
                .isInstanceOf(TableSetupException.class)
                .hasMessageContaining("index GSI1 projects KEYS_ONLY, not ALL")
                .hasMessageContaining("no global secondary index GSI2 (GSI2PK S HASH, GSI2SK S RANGE)")
                .hasMessageNotContaining("its key");
    }

    private static List<AttributeDefinition> strings(String... names) {
        return Stream.of(names)
                .map(name -> AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                .toList();
    }

    private static List<KeySchemaElement> keySchema(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
}
