package dev.truss.singletable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of the table: its key and its attributes, each a string or a whole number (the two
 * types the key design needs). Index keys ({@link Index}) are string attributes like any other.
 */
public record Item(Key key, Map<String, String> strings, Map<String, Long> numbers) {

    public Item {
        Objects.requireNonNull(key, "key");
        strings = Map.copyOf(strings);
        numbers = Map.copyOf(numbers);
        for (String name : strings.keySet()) {
            if (numbers.containsKey(name)) {
                throw new IllegalArgumentException("attribute " + name + " is both a string and a number");
            }
            if (Attributes.isKeyName(name)) {
                throw new IllegalArgumentException(name + " is the item's key, not an attribute");
            }
        }
    }

    public static Item of(Key key) {
        return new Item(key, Map.of(), Map.of());
    }

    public Item with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(strings);
        more.put(name, value);
        return new Item(key, more, numbers);
    }

    public Item with(String name, long value) {
        Map<String, Long> more = new LinkedHashMap<>(numbers);
        more.put(name, value);
        return new Item(key, strings, more);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(strings.get(name));
    }

    public Optional<Long> number(String name) {
        return Optional.ofNullable(numbers.get(name));
    }

    /** The item's key in {@code index}, when the item has one (indexes are sparse). */
    public Optional<Key> keyIn(Index index) {
        String pk = strings.get(index.pkAttribute());
        String sk = strings.get(index.skAttribute());
        return pk == null || sk == null ? Optional.empty() : Optional.of(new Key(pk, sk));
    }
}
