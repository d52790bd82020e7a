package dev.truss.singletable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A table whose n-th write fails as a crash would: before the write is made, or after it is
 * made but before its answer arrives (a lost acknowledgement). Either way the caller gets an
 * exception. Reads pass. Crash-safety tests fail each step of a multi-item write in turn.
 */
public final class CrashingTable implements Table {

    private final Table table;
    private final AtomicInteger writesLeft;
    private final boolean afterWriting;

    /**
     * The write numbered {@code crashAt} (1 is the first) fails, {@code afterWriting} or before;
     * every other goes through.
     */
    public CrashingTable(Table table, int crashAt, boolean afterWriting) {
        this.table = table;
        this.writesLeft = new AtomicInteger(crashAt);
        this.afterWriting = afterWriting;
    }

    private <T> T write(java.util.function.Supplier<T> write) {
        boolean crash = writesLeft.decrementAndGet() == 0;
        if (crash && !afterWriting) {
            throw new TableUnavailableException("crashed before this write", null);
        }
        T result = write.get();
        if (crash) {
            throw new TableUnavailableException("crashed after this write, before its answer", null);
        }
        return result;
    }

    @Override
    public Optional<Item> get(Key key) {
        return table.get(key);
    }

    @Override
    public PutOutcome put(Item item, Expect expect) {
        return write(() -> table.put(item, expect));
    }

    @Override
    public Optional<Item> delete(Key key) {
        return write(() -> table.delete(key));
    }

    @Override
    public void add(Key key, Map<String, Long> amounts) {
        write(() -> {
            table.add(key, amounts);
            return null;
        });
    }

    @Override
    public QueryPage query(Query query) {
        return table.query(query);
    }
}
