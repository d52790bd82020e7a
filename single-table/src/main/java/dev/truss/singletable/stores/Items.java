package dev.truss.singletable.stores;

import dev.truss.application.port.storage.WriteResult;
import dev.truss.domain.Versioned;
import dev.truss.singletable.Attributes;
import dev.truss.singletable.Expect;
import dev.truss.singletable.Item;
import dev.truss.singletable.Key;
import dev.truss.singletable.PutOutcome;
import dev.truss.singletable.Table;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Entities as items of one table, and the conditional writes every store shares: a create that
 * never overwrites, an update that only lands on the version it read.
 */
final class Items {

    private final Table table;
    private final EntityCodec codec;

    Items(Table table, EntityCodec codec) {
        this.table = table;
        this.codec = codec;
    }

    Table table() {
        return table;
    }

    /** The entity as the JSON an item's {@code data} holds. */
    String json(Object entity) {
        return codec.encode(entity);
    }

    /** The entity as JSON, plus its version as an attribute the table can put a condition on. */
    Item item(Key key, Object entity) {
        Item item = Item.of(key).with(Attributes.DATA, codec.encode(entity));
        return entity instanceof Versioned<?> versioned ? item.with(Attributes.VERSION, versioned.version()) : item;
    }

    <T> T entity(Item item, Class<T> type) {
        String json = item.string(Attributes.DATA)
                .orElseThrow(() -> new IllegalStateException("item " + item.key() + " has no data"));
        return codec.decode(json, type);
    }

    <T> Optional<T> find(Key key, Class<T> type) {
        return table.get(key).map(item -> entity(item, type));
    }

    /** Writes {@code item} unless its key is taken; then the stored entity is returned instead. */
    <T> WriteResult<T> create(Item item, T entity, Class<T> type) {
        if (table.put(item, Expect.absent()) == PutOutcome.WRITTEN) {
            return new WriteResult.Written<>(entity);
        }
        return find(item.key(), type)
                .<WriteResult<T>>map(WriteResult.AlreadyExists::new)
                .orElseGet(() -> create(item, entity, type)); // deleted in between: try again
    }

    /**
     * Stores {@code changed} as the next version if the stored one is still the version it was
     * read at; {@code extra} adds index attributes to the item.
     */
    <T extends Versioned<T>> WriteResult<T> update(Key key, T changed, UnaryOperator<Item> extra) {
        T saved = changed.withVersion(changed.version() + 1);
        if (table.put(extra.apply(item(key, saved)), Expect.version(changed.version())) == PutOutcome.WRITTEN) {
            return new WriteResult.Written<>(saved);
        }
        return table.get(key).isPresent() ? new WriteResult.VersionConflict<>() : new WriteResult.Missing<>();
    }

    <T extends Versioned<T>> WriteResult<T> update(Key key, T changed) {
        return update(key, changed, item -> item);
    }

    <T> WriteResult<T> delete(Key key, Class<T> type) {
        return table.delete(key)
                .<WriteResult<T>>map(item -> new WriteResult.Written<>(entity(item, type)))
                .orElseGet(WriteResult.Missing::new);
    }
}
