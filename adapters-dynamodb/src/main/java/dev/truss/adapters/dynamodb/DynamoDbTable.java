package dev.truss.adapters.dynamodb;

import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Query;
import dev.truss.singletable.QueryPage;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import dev.truss.singletable.Table;
import dev.truss.singletable.TableUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The {@link Table} on DynamoDB: each method is one request (GetItem, PutItem, DeleteItem,
 * UpdateItem, Query), conditions are condition expressions, reads of the table are strongly
 * consistent (index reads cannot be). The table must have the shape {@link TableSetup} gives it.
 * Thread-safe, as the client is; closing the client is its owner's business.
 */
public final class DynamoDbTable implements Table {

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbTable(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "table name");
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public Optional<Item> get(Key key) {
        try {
            return ItemAttributes.toItem(client.getItem(GetItemRequest.builder()
                    .tableName(tableName)
                    .key(ItemAttributes.of(key))
                    .consistentRead(true)
                    .build()).item());
        } catch (SdkException e) {
            throw unavailable("GetItem", e);
        }
    }

    @Override
    public PutOutcome put(Item item, Expect expect) {
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(tableName).item(ItemAttributes.of(item));
        if (expect instanceof Expect.Absent) {
            request.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Attributes.PK));
        } else if (expect instanceof Expect.Present) {
            request.conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Attributes.PK));
        } else if (expect instanceof Expect.Version version) {
            request.conditionExpression("#version = :version")
                    .expressionAttributeNames(Map.of("#version", Attributes.VERSION))
                    .expressionAttributeValues(Map.of(":version", ItemAttributes.number(version.version())));
        }
        try {
            client.putItem(request.build());
            return PutOutcome.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            return PutOutcome.CONDITION_FAILED;
        } catch (SdkException e) {
            throw unavailable("PutItem", e);
        }
    }

    @Override
    public Optional<Item> delete(Key key) {
        try {
            // The condition makes a delete of nothing fail rather than succeed quietly, so of racing deletes
            // only the one that removed the item gets its old attributes.
            return ItemAttributes.toItem(client.deleteItem(DeleteItemRequest.builder()
                    .tableName(tableName)
                    .key(ItemAttributes.of(key))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Attributes.PK))
                    .returnValues(ReturnValue.ALL_OLD)
                    .build()).attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DeleteItem", e);
        }
    }

    @Override
    public void add(Key key, Map<String, Long> amounts) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(tableName).key(ItemAttributes.of(key));
        if (!amounts.isEmpty()) {
            // ADD creates the item and each missing attribute at 0; names go through placeholders as they may be
            // reserved words.
            StringJoiner expression = new StringJoiner(", ", "ADD ", "");
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            int i = 0;
            for (Map.Entry<String, Long> amount : amounts.entrySet()) {
                if (amount.getKey().equals(Attributes.PK) || amount.getKey().equals(Attributes.SK)) {
                    throw new IllegalArgumentException(amount.getKey() + " is the item's key, not a counter");
                }
                expression.add("#a" + i + " :a" + i);
                names.put("#a" + i, amount.getKey());
                values.put(":a" + i, ItemAttributes.number(amount.getValue()));
                i++;
            }
            request.updateExpression(expression.toString()).expressionAttributeNames(names)
                    .expressionAttributeValues(values);
        }
        try {
            client.updateItem(request.build());
        } catch (SdkException e) {
            throw unavailable("UpdateItem", e);
        }
    }

    @Override
    public QueryPage query(Query query) {
        Optional<Index> index = query.index();
        Map<String, String> names = new HashMap<>();
        names.put("#pk", index.map(Index::pkAttribute).orElse(Attributes.PK));
        names.put("#sk", index.map(Index::skAttribute).orElse(Attributes.SK));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", ItemAttributes.string(query.partition()));
        String condition;
        if (query.range() instanceof SortKeyRange.BeginsWith beginsWith) {
            condition = "#pk = :pk AND begins_with(#sk, :prefix)";
            values.put(":prefix", ItemAttributes.string(beginsWith.prefix()));
        } else {
            SortKeyRange.Between between = (SortKeyRange.Between) query.range();
            condition = "#pk = :pk AND #sk BETWEEN :low AND :high";
            values.put(":low", ItemAttributes.string(between.low()));
            values.put(":high", ItemAttributes.string(between.high()));
        }
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!query.descending())
                .limit(query.limit())
                .consistentRead(index.isEmpty());
        index.ifPresent(i -> request.indexName(i.indexName()));
        query.after().ifPresent(start -> request.exclusiveStartKey(ItemAttributes.of(start, index)));
        QueryResponse response;
        try {
            response = client.query(request.build());
        } catch (SdkException e) {
            throw unavailable("Query", e);
        }
        List<Item> items = new ArrayList<>();
        response.items().forEach(attributes -> items.add(ItemAttributes.toItem(attributes).orElseThrow()));
        Optional<StartKey> more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(ItemAttributes.toStartKey(response.lastEvaluatedKey(), index))
                : Optional.empty();
        return new QueryPage(items, more);
    }

    private TableUnavailableException unavailable(String operation, SdkException e) {
        return Unavailable.because(e, operation, tableName, client);
    }
}
