package dev.truss.adapters.sqlite;

import dev.truss.singletable.Index;
import dev.truss.singletable.Query;
import dev.truss.singletable.SortKeyRange;
import dev.truss.singletable.StartKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The one SELECT that answers a {@link Query}: an index range scan of the primary key or of an
 * index's partial index, in its order, reading one row more than the limit to learn whether
 * more follow.
 *
 * <p>Each side of the range gets exactly one bound, the tighter of the sort-key range and the
 * start key: given two bounds on one side SQLite seeks with the first only, so a resumed query
 * would re-read everything before the start key.
 */
record QueryStatement(String sql, List<Object> parameters) {

    private record Bound(String operator, List<String> values) {
    }

    static QueryStatement of(Query query) {
        String partitionColumn = query.index().map(ItemRow::pkColumn).orElse("pk");
        List<String> orderColumns = query.index()
                .map(index -> List.of(ItemRow.skColumn(index), "pk", "sk"))
                .orElse(List.of("sk"));

        Optional<Bound> lower;
        Optional<Bound> upper;
        if (query.range() instanceof SortKeyRange.BeginsWith beginsWith) {
            String prefix = beginsWith.prefix();
            lower = Optional.of(new Bound(">=", List.of(prefix)));
            upper = Utf8Order.endOfPrefix(prefix).map(end -> new Bound("<", List.of(end)));
        } else {
            SortKeyRange.Between between = (SortKeyRange.Between) query.range();
            lower = Optional.of(new Bound(">=", List.of(between.low())));
            upper = Optional.of(new Bound("<=", List.of(between.high())));
        }
        if (query.after().isPresent()) {
            List<String> start = startValues(query.after().get(), query.index());
            if (!query.descending() && isWithin(start.get(0), lower, true)) {
                lower = Optional.of(new Bound(">", start));
            } else if (query.descending() && isWithin(start.get(0), upper, false)) {
                upper = Optional.of(new Bound("<", start));
            }
        }

        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(ItemRow.COLUMNS).append(" FROM items WHERE ")
                .append(partitionColumn).append(" = ?");
        parameters.add(query.partition());
        for (Optional<Bound> bound : List.of(lower, upper)) {
            if (bound.isPresent()) {
                sql.append(" AND ").append(comparison(orderColumns, bound.get()));
                parameters.addAll(bound.get().values());
            }
        }
        String direction = query.descending() ? " DESC" : "";
        sql.append(" ORDER BY ").append(String.join(direction + ", ", orderColumns)).append(direction);
        sql.append(" LIMIT ?");
        parameters.add(query.limit() + 1L);
        return new QueryStatement(sql.toString(), List.copyOf(parameters));
    }

    /** The start key in the query's order columns: the sort key, or index sort key, pk and sk. */
    private static List<String> startValues(StartKey start, Optional<Index> index) {
        if (index.isEmpty()) {
            return List.of(start.tableKey().sk());
        }
        return List.of(start.indexKey().orElseThrow().sk(), start.tableKey().pk(), start.tableKey().sk());
    }

    /**
     * Whether a start key whose first order value is {@code first} lies inside the range's
     * {@code bound}, so that it is the tighter bound; outside, every item of the range is after it.
     */
    private static boolean isWithin(String first, Optional<Bound> bound, boolean isLower) {
        if (bound.isEmpty()) {
            return true;
        }
        int comparison = Utf8Order.compare(first, bound.get().values().get(0));
        if (isLower) {
            return comparison >= 0;
        }
        return bound.get().operator().equals("<") ? comparison < 0 : comparison <= 0;
    }

    /** {@code sk >= ?} for one column; a row value {@code (gsi1sk, pk, sk) > (?, ?, ?)} for several. */
    private static String comparison(List<String> orderColumns, Bound bound) {
        int width = bound.values().size();
        if (width == 1) {
            return orderColumns.get(0) + " " + bound.operator() + " ?";
        }
        return "(" + String.join(", ", orderColumns.subList(0, width)) + ") " + bound.operator()
                + " (" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    }
}
