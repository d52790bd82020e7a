package dev.truss.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.truss.adapters.dynamodb.TableSetupReport.TimeToLive;
import dev.truss.singletable.Index;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** The TTL step, which dynalite cannot answer, against a mocked client holding a table of the right shape. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableSetupTimeToLiveTest {

    private final DynamoDbClient client = mock(DynamoDbClient.class);

    @BeforeEach
    void anActiveTableOfTheRightShape() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<GlobalSecondaryIndexDescription> indexes = new ArrayList<>();
        for (String name : List.of("PK", "SK")) {
            attributes.add(AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build());
        }
        for (Index index : Index.values()) {
            attributes.add(AttributeDefinition.builder().attributeName(index.pkAttribute())
                    .attributeType(ScalarAttributeType.S).build());
            attributes.add(AttributeDefinition.builder().attributeName(index.skAttribute())
                    .attributeType(ScalarAttributeType.S).build());
            indexes.add(GlobalSecondaryIndexDescription.builder()
                    .indexName(index.indexName())
                    .keySchema(keySchema(index.pkAttribute(), index.skAttribute()))
                    .projection(projection -> projection.projectionType(ProjectionType.ALL))
                    .indexStatus(IndexStatus.ACTIVE)
                    .build());
        }
        when(client.describeTable(any(DescribeTableRequest.class))).thenReturn(DescribeTableResponse.builder()
                .table(TableDescription.builder()
                        .tableName("truss")
                        .tableStatus(TableStatus.ACTIVE)
                        .keySchema(keySchema("PK", "SK"))
                        .attributeDefinitions(attributes)
                        .globalSecondaryIndexes(indexes)
                        .build())
                .build());
    }

    @Test
    void ttl_is_enabled_on_expiresAt_when_it_is_off() {
        timeToLive(TimeToLiveStatus.DISABLED, null);

        TableSetupReport report = new TableSetup(client, "truss").ensure();

        ArgumentCaptor<UpdateTimeToLiveRequest> request = ArgumentCaptor.forClass(UpdateTimeToLiveRequest.class);
        verify(client).updateTimeToLive(request.capture());
        assertThat(request.getValue().tableName()).isEqualTo("truss");
        assertThat(request.getValue().timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
        assertThat(request.getValue().timeToLiveSpecification().enabled()).isTrue();
        assertThat(report.timeToLive()).isEqualTo(TimeToLive.ENABLED_NOW);
        assertThat(report.tableCreated()).isFalse();
        assertThat(report.changedAnything()).isTrue();
    }

    @Test
    void ttl_already_on_expiresAt_is_left_alone() {
        timeToLive(TimeToLiveStatus.ENABLED, "expiresAt");

        TableSetupReport report = new TableSetup(client, "truss").ensure();

        verify(client, never()).updateTimeToLive(any(UpdateTimeToLiveRequest.class));
        assertThat(report.timeToLive()).isEqualTo(TimeToLive.ALREADY_ENABLED);
        assertThat(report.changedAnything()).isFalse();
    }

    @Test
    void ttl_on_another_attribute_is_a_conflict_not_silently_replaced() {
        timeToLive(TimeToLiveStatus.ENABLED, "ttl");

        assertThatThrownBy(() -> new TableSetup(client, "truss").ensure())
                .isInstanceOf(TableSetupException.class)
                .hasMessageContaining("attribute ttl");
        verify(client, never()).updateTimeToLive(any(UpdateTimeToLiveRequest.class));
    }

    private void timeToLive(TimeToLiveStatus status, String attribute) {
        when(client.describeTimeToLive(any(DescribeTimeToLiveRequest.class))).thenReturn(DescribeTimeToLiveResponse
                .builder()
                .timeToLiveDescription(description -> description.timeToLiveStatus(status).attributeName(attribute))
                .build());
    }

    private static List<KeySchemaElement> keySchema(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
}
