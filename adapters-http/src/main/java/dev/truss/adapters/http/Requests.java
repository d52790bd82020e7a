package dev.truss.adapters.http;

import dev.truss.application.common.Outcome;
import dev.truss.application.common.PageQuery;
import dev.truss.application.port.storage.PageRequest;
import dev.truss.domain.id.CreatorId;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/** What every route needs to read a request and answer with a use case's outcome. */
public final class Requests {

    private Requests() {
    }

    /** The creator the request acts for: from the session, never from the URL or the body. */
    public static CreatorId creator(Context ctx) {
        return Sessions.current(ctx).creatorId();
    }

    /** The JSON body as {@code type}; 415 unless it is JSON, 400 naming the field that is wrong. */
    public static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiProblem.unsupportedMediaType("send the body as application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("the body is empty: send a JSON object");
        }
        T value = Json.MAPPER.readValue(bytes, type);
        if (value == null) {
            throw ApiProblem.badRequest("the body must be a JSON object, not null");
        }
        return value;
    }

    /** A path parameter turned into an id; one that cannot be ours is simply not found. */
    public static <T> T id(Context ctx, String name, Function<String, T> parse, String what) {
        try {
            return parse.apply(ctx.pathParam(name));
        } catch (IllegalArgumentException notAnId) {
            throw ApiProblem.notFound("no " + what + " " + clip(ctx.pathParam(name)));
        }
    }

    /** {@code ?limit=&cursor=} as a page query; limits outside the allowed range are a 400. */
    public static PageQuery page(Context ctx) {
        String limit = ctx.queryParam("limit");
        int size;
        try {
            size = limit == null ? PageRequest.DEFAULT_LIMIT : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit must be a whole number");
        }
        return new PageQuery(size, Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()));
    }

    /** The value of a success; a failure becomes its problem (404, 422, 409). */
    public static <T> T value(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Ok<T> ok) {
            return ok.value();
        }
        if (outcome instanceof Outcome.NotFound<T> notFound) {
            throw ApiProblem.notFound(notFound.message());
        }
        if (outcome instanceof Outcome.Rejected<T> rejected) {
            throw ApiProblem.unprocessable(rejected.message());
        }
        throw ApiProblem.conflict(((Outcome.Conflict<T>) outcome).message());
    }

    static String clip(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
