package dev.truss.singletable;

/** Which sort keys of a partition a query reads. */
public sealed interface SortKeyRange {

    /** Sort keys that start with {@code prefix}. */
    record BeginsWith(String prefix) implements SortKeyRange {
        public BeginsWith {
            Key.requireKeyPart("prefix", prefix);
        }
    }

    /** Sort keys from {@code low} to {@code high}, both included (as DynamoDB's {@code BETWEEN}). */
    record Between(String low, String high) implements SortKeyRange {
        public Between {
            Key.requireKeyPart("low", low);
            Key.requireKeyPart("high", high);
            if (low.compareTo(high) > 0) {
                throw new IllegalArgumentException("range starts after it ends: " + low + " > " + high);
            }
        }
    }

    static SortKeyRange beginsWith(String prefix) {
        return new BeginsWith(prefix);
    }

    static SortKeyRange between(String low, String high) {
        return new Between(low, high);
    }
}
