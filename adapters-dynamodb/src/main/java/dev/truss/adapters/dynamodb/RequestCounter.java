package dev.truss.adapters.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests a client sends, per operation ({@code GetItem}, {@code Query}...):
 * what a table is billed for. Counts each attempt, so SDK retries are counted too. Thread-safe;
 * register it with {@link DynamoDbClientFactory#withRequestCounter}.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation == null ? "unknown" : operation, name -> new LongAdder()).increment();
    }

    /** Requests sent for {@code operation} since the last {@link #reset()}. */
    public long count(String operation) {
        LongAdder count = counts.get(operation);
        return count == null ? 0 : count.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The non-zero counts, by operation name in alphabetical order. */
    public Map<String, Long> byOperation() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, count) -> {
            long sum = count.sum();
            if (sum > 0) {
                snapshot.put(operation, sum);
            }
        });
        return snapshot;
    }

    public void reset() {
        counts.values().forEach(LongAdder::reset);
    }

    @Override
    public String toString() {
        return "RequestCounter" + byOperation();
    }
}
