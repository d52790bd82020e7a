package dev.truss.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457): a request we will not
 * serve gets its 4xx and a message a person can act on; a bug gets a 500 that says only which
 * request id to look for in the log — never a stack trace.
 */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (problem, ctx) -> render(ctx, problem));
        routes.exception(JacksonException.class, (e, ctx) -> render(ctx, ApiProblem.badRequest(describe(e))));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> render(ctx, ApiProblem.badRequest(e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, fromJavalin(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
            render(ctx, 500, "Internal error", "something went wrong on our side; the log has request "
                    + RequestIds.of(ctx));
        });
    }

    void render(Context ctx, ApiProblem problem) {
        if (problem.status() == 429) {
            ctx.header("Retry-After", Long.toString(problem.retryAfterSeconds()));
        }
        render(ctx, problem.status(), problem.title(), problem.getMessage());
    }

    private void render(Context ctx, int status, String title, String detail) {
        ctx.status(status).contentType(CONTENT_TYPE) // UTF-8 bytes, whatever Jetty assumes
                .result(body(json, status, title, detail, ctx.path(), RequestIds.of(ctx)));
    }

    /** The problem document, as UTF-8 JSON. */
    static byte[] body(JsonMapper json, int status, String title, String detail, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("requestId", requestId);
        return json.writeValueAsBytes(body);
    }

    private static ApiProblem fromJavalin(HttpResponseException e) {
        switch (e.getStatus()) {
            case 404:
                return ApiProblem.notFound("there is nothing at this address");
            case 405:
                return ApiProblem.badRequest("this address does not take that method");
            case 413:
                return ApiProblem.tooLarge("the request body is too large");
            default:
                return e.getStatus() >= 400 && e.getStatus() < 500 ? ApiProblem.badRequest(e.getMessage())
                        : ApiProblem.badRequest("the request could not be read");
        }
    }

    /** A body that is not what the route takes, in words that name the field. */
    static String describe(JacksonException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null
                && e.getCause() instanceof RuntimeException cause && cause.getMessage() != null) {
            return cause.getMessage(); // the request record's own validation
        }
        String field = e.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + (field.isEmpty() ? unknown.getPropertyName() : field) + "'";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return field.isEmpty() ? "the body must be a JSON object of the documented shape"
                    : "field '" + field + "' is missing or has the wrong type";
        }
        if (e instanceof StreamReadException) {
            return "the body is not valid JSON";
        }
        return "the body could not be read as the documented JSON";
    }
}
