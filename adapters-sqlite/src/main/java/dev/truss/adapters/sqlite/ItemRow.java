package dev.truss.adapters.sqlite;

import dev.truss.singletable.Attributes;
import dev.truss.singletable.Index;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an {@link Item} is laid out in a row of {@code items}: the index key attributes and the
 * number {@code version} in columns of their own (so indexes and conditional puts can use
 * them), every other attribute in the JSON column {@code attributes}, strings and numbers apart
 * so each comes back with its type.
 */
final class ItemRow {

    /** The string attributes kept in columns (named in lower case), in column order: the index keys. */
    static final List<String> INDEX_KEY_ATTRIBUTES = List.of(
            Index.GSI1.pkAttribute(), Index.GSI1.skAttribute(), Index.GSI2.pkAttribute(), Index.GSI2.skAttribute());

    /** Every column, in the order {@link #bind} binds them and {@link #read} reads them. */
    static final String COLUMNS = "pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, version, attributes";

    /** The columns after the key as parameters, for an UPDATE; bound by {@link #bindColumnsAfterKey}. */
    static final String SET_COLUMNS_AFTER_KEY = "gsi1pk = ?, gsi1sk = ?, gsi2pk = ?, gsi2sk = ?, version = ?, "
            + "attributes = ?";

    /** The columns after the key, as {@code column = excluded.column} for an upsert. */
    static final String REPLACE_FROM_EXCLUDED = "gsi1pk = excluded.gsi1pk, gsi1sk = excluded.gsi1sk, "
            + "gsi2pk = excluded.gsi2pk, gsi2sk = excluded.gsi2sk, version = excluded.version, "
            + "attributes = excluded.attributes";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The JSON of the {@code attributes} column; sorted maps keep the text stable. */
    record OtherAttributes(Map<String, String> strings, Map<String, Long> numbers) {
    }

    private ItemRow() {
    }

    static String pkColumn(Index index) {
        return index.pkAttribute().toLowerCase(Locale.ROOT);
    }

    static String skColumn(Index index) {
        return index.skAttribute().toLowerCase(Locale.ROOT);
    }

    /** Binds the columns of {@link #COLUMNS} to parameters {@code first} to {@code first + 7}. */
    static void bind(PreparedStatement statement, int first, Item item) throws SQLException {
        statement.setString(first, item.key().pk());
        statement.setString(first + 1, item.key().sk());
        bindColumnsAfterKey(statement, first + 2, item);
    }

    /** Binds gsi1pk to attributes (six columns) to parameters {@code first} to {@code first + 5}. */
    static void bindColumnsAfterKey(PreparedStatement statement, int first, Item item) throws SQLException {
        Map<String, String> strings = new TreeMap<>(item.strings());
        Map<String, Long> numbers = new TreeMap<>(item.numbers());
        int parameter = first;
        for (String attribute : INDEX_KEY_ATTRIBUTES) {
            statement.setString(parameter++, strings.remove(attribute));
        }
        Long version = numbers.remove(Attributes.VERSION);
        if (version == null) {
            statement.setNull(parameter++, Types.INTEGER);
        } else {
            statement.setLong(parameter++, version);
        }
        statement.setString(parameter, JSON.writeValueAsString(new OtherAttributes(strings, numbers)));
    }

    /** Reads an item from the columns of {@link #COLUMNS} at the result set's current row. */
    static Item read(ResultSet row) throws SQLException {
        Key key = new Key(row.getString(1), row.getString(2));
        OtherAttributes other;
        try {
            other = JSON.readValue(row.getString(8), OtherAttributes.class);
        } catch (JacksonException e) {
            throw new SQLException("the attributes of " + key + " are not the JSON Truss writes", e);
        }
        Map<String, String> strings = new HashMap<>(other.strings() == null ? Map.of() : other.strings());
        Map<String, Long> numbers = new HashMap<>(other.numbers() == null ? Map.of() : other.numbers());
        for (int i = 0; i < INDEX_KEY_ATTRIBUTES.size(); i++) {
            String value = row.getString(3 + i);
            if (value != null) {
                strings.put(INDEX_KEY_ATTRIBUTES.get(i), value);
            }
        }
        long version = row.getLong(7);
        if (!row.wasNull()) {
            numbers.put(Attributes.VERSION, version);
        }
        return new Item(key, strings, numbers);
    }
}
