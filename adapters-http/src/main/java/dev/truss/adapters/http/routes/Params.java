package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.ApiProblem;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names and query parameters. Enum values go out in lower case ({@code awaiting_upload}) and
 * come in in any case, with {@code -} or {@code _} between words; a parameter that is wrong is
 * a 400 that names it and says what it takes.
 */
final class Params {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Params() {
    }

    /** The API's name of an enum value: {@code AWAITING_UPLOAD} is {@code awaiting_upload}. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The names of every value, for messages and the OpenAPI document. */
    static String names(Class<? extends Enum<?>> type) {
        return Arrays.toString(Arrays.stream(type.getEnumConstants()).map(Params::name).toArray());
    }

    /** Parses an enum value as a client writes it; throws {@link IllegalArgumentException} naming {@code field}. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        String wanted = text == null ? "" : text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + names(type) + ", not '"
                + clip(text == null ? "" : text) + "'");
    }

    /** An optional enum query parameter; {@code fallback} when absent. */
    static <E extends Enum<E>> E query(Context ctx, String name, Class<E> type, E fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return parse(type, name, text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /** An enum named by a path parameter; a name outside the set is a 400 that lists the set. */
    static <E extends Enum<E>> E path(Context ctx, String name, Class<E> type) {
        try {
            return parse(type, name, ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /** A required {@code YYYY-MM-DD} query parameter: four digits of year, as the API writes dates. */
    static LocalDate date(Context ctx, String name) {
        String text = required(ctx, name, "a date like 2026-03-01");
        try {
            if (!DATE.matcher(text).matches()) { // LocalDate also reads +999999999-12-31, the calendar's last day
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " must be a date like 2026-03-01 (YYYY-MM-DD), not '" + clip(text) + "'");
        }
    }

    /** A required ISO-8601 instant query parameter, in UTC ({@code 2026-03-01T09:00:00Z}) or with an offset. */
    static Instant instant(Context ctx, String name) {
        String text = required(ctx, name, "a time like 2026-03-01T09:00:00Z");
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " must be an ISO-8601 time like 2026-03-01T09:00:00Z, not '"
                    + clip(text) + "'");
        }
    }

    private static String required(Context ctx, String name, String what) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(text -> !text.isBlank())
                .orElseThrow(() -> ApiProblem.badRequest(name + " is required: " + what));
    }

    static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
