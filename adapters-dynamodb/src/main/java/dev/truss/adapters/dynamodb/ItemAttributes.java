package dev.truss.adapters.dynamodb;

import dev.truss.singletable.Attributes;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.StartKey;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items, keys and start keys as DynamoDB attribute maps, and back: strings as S, numbers as N. */
final class ItemAttributes {

    private ItemAttributes() {
    }

    static Map<String, AttributeValue> of(Key key) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(Attributes.PK, string(key.pk()));
        attributes.put(Attributes.SK, string(key.sk()));
        return attributes;
    }

    static Map<String, AttributeValue> of(Item item) {
        Map<String, AttributeValue> attributes = of(item.key());
        item.strings().forEach((name, value) -> attributes.put(name, string(value)));
        item.numbers().forEach((name, value) -> attributes.put(name, number(value)));
        return attributes;
    }

    /** The item these attributes hold; empty for the empty map DynamoDB answers when there is none. */
    static Optional<Item> toItem(Map<String, AttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> strings = new HashMap<>();
        Map<String, Long> numbers = new HashMap<>();
        Key key = keyOf(attributes, Attributes.PK, Attributes.SK);
        attributes.forEach((name, value) -> {
            if (name.equals(Attributes.PK) || name.equals(Attributes.SK)) {
                return;
            }
            if (value.s() != null) {
                strings.put(name, value.s());
            } else if (value.n() != null) {
                numbers.put(name, wholeNumber(key, name, value.n()));
            } else {
                // Truss writes only S and N; anything else was written by another program.
                throw new IllegalStateException("attribute " + name + " of " + key + " is neither a string nor a number");
            }
        });
        return Optional.of(new Item(key, strings, numbers));
    }

    /** The ExclusiveStartKey of a query: the table key, plus the index key when it reads an index. */
    static Map<String, AttributeValue> of(StartKey start, Optional<Index> index) {
        Map<String, AttributeValue> attributes = of(start.tableKey());
        index.ifPresent(i -> {
            Key indexKey = start.indexKey().orElseThrow();
            attributes.put(i.pkAttribute(), string(indexKey.pk()));
            attributes.put(i.skAttribute(), string(indexKey.sk()));
        });
        return attributes;
    }

    static StartKey toStartKey(Map<String, AttributeValue> lastEvaluatedKey, Optional<Index> index) {
        return new StartKey(keyOf(lastEvaluatedKey, Attributes.PK, Attributes.SK),
                index.map(i -> keyOf(lastEvaluatedKey, i.pkAttribute(), i.skAttribute())));
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Key keyOf(Map<String, AttributeValue> attributes, String pkName, String skName) {
        return new Key(stringAttribute(attributes, pkName), stringAttribute(attributes, skName));
    }

    private static String stringAttribute(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("expected a string attribute " + name + " in " + attributes.keySet());
        }
        return value.s();
    }

    private static long wholeNumber(Key key, String name, String number) {
        try {
            // DynamoDB may answer a number in another notation than it was written in (1E+3, 7.0).
            return new BigDecimal(number).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalStateException("attribute " + name + " of " + key + " is not a whole number: " + number, e);
        }
    }
}
