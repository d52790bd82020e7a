package dev.truss.adapters.dynamodb;

import dev.truss.adapters.dynamodb.TableSetupReport.TimeToLive;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Index;
import dev.truss.singletable.TableUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the table {@link DynamoDbTable} needs, idempotently: PK/SK strings, on-demand
 * capacity, the sparse indexes GSI1 and GSI2 projecting every attribute, then TTL on
 * {@link Attributes#EXPIRES_AT}. On a table that is already right it changes nothing; on a
 * table of another shape it throws {@link TableSetupException} rather than touch it.
 */
public final class TableSetup {

    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final DynamoDbClient client;
    private final String tableName;
    private final Duration activeTimeout;

    /** Waits up to five minutes for a new table to become active. */
    public TableSetup(DynamoDbClient client, String tableName) {
        this(client, tableName, Duration.ofMinutes(5));
    }

    public TableSetup(DynamoDbClient client, String tableName, Duration activeTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "table name");
        this.activeTimeout = Objects.requireNonNull(activeTimeout, "active timeout");
    }

    public TableSetupReport ensure() {
        Optional<TableDescription> existing = describe();
        boolean created = existing.isEmpty() && create();
        TableDescription table = existing.filter(TableSetup::isActive).orElseGet(this::waitUntilActive);
        List<String> problems = problemsWith(table);
        if (!problems.isEmpty()) {
            throw new TableSetupException("table " + tableName + " exists with another shape than Truss needs: "
                    + String.join("; ", problems) + ". Use another table name, or delete this table first.");
        }
        return new TableSetupReport(tableName, created, ensureTimeToLive());
    }

    /** False when another process created the table first. */
    private boolean create() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(Attributes.PK));
        attributes.add(stringAttribute(Attributes.SK));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Index index : Index.values()) {
            attributes.add(stringAttribute(index.pkAttribute()));
            attributes.add(stringAttribute(index.skAttribute()));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.indexName())
                    .keySchema(keySchema(index.pkAttribute(), index.skAttribute()))
                    .projection(projection -> projection.projectionType(ProjectionType.ALL))
                    .build());
        }
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(tableName)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema(Attributes.PK, Attributes.SK))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .globalSecondaryIndexes(indexes)
                    .build());
            return true;
        } catch (ResourceInUseException e) {
            return false;
        } catch (SdkException e) {
            throw unavailable("CreateTable", e);
        }
    }

    private Optional<TableDescription> describe() {
        try {
            return Optional.of(client.describeTable(DescribeTableRequest.builder().tableName(tableName).build()).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeTable", e);
        }
    }

    private TableDescription waitUntilActive() {
        Instant deadline = Instant.now().plus(activeTimeout);
        Duration poll = FIRST_POLL;
        while (true) {
            TableDescription table = describe().orElseThrow(
                    () -> new TableSetupException("table " + tableName + " disappeared while it was being created"));
            if (isActive(table)) {
                return table;
            }
            if (table.tableStatus() == TableStatus.DELETING || Instant.now().isAfter(deadline)) {
                throw new TableSetupException("table " + tableName + " is " + table.tableStatusAsString()
                        + ", not active, after " + activeTimeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TableSetupException("interrupted while waiting for table " + tableName + " to become active");
            }
            Duration doubled = poll.multipliedBy(2);
            poll = doubled.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : doubled;
        }
    }

    private static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE && table.globalSecondaryIndexes().stream()
                .allMatch(index -> index.indexStatus() == null || index.indexStatus() == IndexStatus.ACTIVE);
    }

    private static List<String> problemsWith(TableDescription table) {
        Map<String, String> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        List<String> problems = new ArrayList<>();
        String wanted = describe(keySchema(Attributes.PK, Attributes.SK), Map.of());
        String actual = describe(table.keySchema(), types);
        if (!wanted.equals(actual)) {
            problems.add("its key is " + actual + ", not " + wanted);
        }
        for (Index index : Index.values()) {
            Optional<GlobalSecondaryIndexDescription> found = table.globalSecondaryIndexes().stream()
                    .filter(gsi -> gsi.indexName().equals(index.indexName())).findFirst();
            wanted = describe(keySchema(index.pkAttribute(), index.skAttribute()), Map.of());
            if (found.isEmpty()) {
                problems.add("it has no global secondary index " + index.indexName() + " (" + wanted + ")");
                continue;
            }
            actual = describe(found.get().keySchema(), types);
            if (!wanted.equals(actual)) {
                problems.add("index " + index.indexName() + " has the key " + actual + ", not " + wanted);
            }
            if (found.get().projection().projectionType() != ProjectionType.ALL) {
                problems.add("index " + index.indexName() + " projects " + found.get().projection().projectionTypeAsString()
                        + ", not ALL");
            }
        }
        return problems;
    }

    /** Such as {@code PK S HASH, SK S RANGE}; attributes missing from {@code types} are taken to be strings. */
    private static String describe(List<KeySchemaElement> keySchema, Map<String, String> types) {
        return keySchema.stream()
                .map(key -> key.attributeName() + " " + types.getOrDefault(key.attributeName(), "S") + " "
                        + key.keyTypeAsString())
                .collect(Collectors.joining(", "));
    }

    private TimeToLive ensureTimeToLive() {
        String operation = "DescribeTimeToLive";
        try {
            TimeToLiveDescription ttl = client.describeTimeToLive(
                    DescribeTimeToLiveRequest.builder().tableName(tableName).build()).timeToLiveDescription();
            TimeToLiveStatus status = ttl == null ? null : ttl.timeToLiveStatus();
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
                if (Attributes.EXPIRES_AT.equals(ttl.attributeName())) {
                    return TimeToLive.ALREADY_ENABLED;
                }
                throw new TableSetupException("table " + tableName + " expires items by attribute " + ttl.attributeName()
                        + ", Truss by " + Attributes.EXPIRES_AT + "; a table has one TTL attribute");
            }
            operation = "UpdateTimeToLive";
            client.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                    .tableName(tableName)
                    .timeToLiveSpecification(spec -> spec.attributeName(Attributes.EXPIRES_AT).enabled(true))
                    .build());
            return TimeToLive.ENABLED_NOW;
        } catch (DynamoDbException e) {
            if (isUnknownOperation(e)) {
                return TimeToLive.NOT_SUPPORTED_BY_ENDPOINT;
            }
            throw unavailable(operation, e);
        } catch (SdkException e) {
            throw unavailable(operation, e);
        }
    }

    /** What a local DynamoDB without TTL (dynalite) answers: it does not know the operation at all. */
    private static boolean isUnknownOperation(DynamoDbException e) {
        return e.awsErrorDetails() != null && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static List<KeySchemaElement> keySchema(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }

    private TableUnavailableException unavailable(String operation, SdkException e) {
        return Unavailable.because(e, operation, tableName, client);
    }
}
