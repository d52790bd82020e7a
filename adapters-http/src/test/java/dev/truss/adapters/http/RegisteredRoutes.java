package dev.truss.adapters.http;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every route the server registered, as Javalin has them, each with what the OpenAPI document
 * says of it (whether it takes a body, which statuses it answers, its query parameters). Tests
 * that must try every route enumerate these, so a route added later is tried without touching
 * them; {@link OpenApiTest} holds the document and the routes to each other.
 */
final class RegisteredRoutes {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^/}]+)}");

    record Route(String method, String template, Access access, JsonNode operation) {

        /** {@code "POST /api/clips/{clipId}/render"}: how tables of rules name a route. */
        String key() {
            return method + " " + template;
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        boolean hasPathParameters() {
            return !pathParameters().isEmpty();
        }

        /** Documented with a JSON request body. */
        boolean takesBody() {
            return operation.has("requestBody");
        }

        /** POST, PUT, PATCH or DELETE: the Origin guard applies. */
        boolean changesState() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        /** The JSON Schema of the request body, its local references resolved at the top. */
        Optional<JsonNode> bodySchema() {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? Optional.empty() : Optional.of(OpenApiContract.get().resolve(schema));
        }

        /** Every status the document names for this route (not {@code default}). */
        Set<Integer> documentedStatuses() {
            Set<Integer> statuses = new TreeSet<>();
            operation.get("responses").propertyNames().forEach(code -> {
                if (code.matches("\\d{3}")) {
                    statuses.add(Integer.parseInt(code));
                }
            });
            return statuses;
        }

        /** The documented answers that are not errors: 2xx and 3xx. */
        Set<Integer> successStatuses() {
            Set<Integer> statuses = new TreeSet<>(documentedStatuses());
            statuses.removeIf(status -> status >= 400);
            return statuses;
        }

        /** Its query parameters, references resolved. */
        List<JsonNode> queryParameters() {
            List<JsonNode> parameters = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = OpenApiContract.get().resolve(parameter);
                if (resolved.get("in").asString().equals("query")) {
                    parameters.add(resolved);
                }
            }
            return parameters;
        }

        /** A list a client pages through: it takes a {@code cursor}. */
        boolean isPaged() {
            return queryParameters().stream().anyMatch(p -> p.get("name").asString().equals("cursor"));
        }

        /** {@code ?name=value&...} of the query parameters the route requires (valid values), or "". */
        String requiredQuery() {
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : queryParameters()) {
                if (parameter.path("required").asBoolean(false)) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asString()).append('=')
                            .append(query(validValue(this, parameter)));
                }
            }
            return query.toString();
        }

        /** The path with each parameter replaced by its value, percent-encoded as one path segment. */
        String path(Map<String, String> values) {
            Matcher matcher = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new AssertionError("no value for {" + matcher.group(1) + "} of " + key());
                }
                matcher.appendReplacement(path, Matcher.quoteReplacement(segment(value)));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private RegisteredRoutes() {
    }

    /** Every route of {@code server} but CORS preflights and HEAD, in the order they were registered. */
    static List<Route> of(TestServer server) {
        JsonNode paths = OpenApiContract.get().document.get("paths");
        Set<String> seen = new LinkedHashSet<>();
        List<Route> routes = new ArrayList<>();
        for (ParsedEndpoint parsed : server.server.app().unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = parsed.endpoint;
            if (!endpoint.method.isHttpMethod() || endpoint.method == HandlerType.OPTIONS
                    || endpoint.method == HandlerType.HEAD || !seen.add(endpoint.method + " " + endpoint.path)) {
                continue;
            }
            JsonNode operation = paths.path(endpoint.path).path(endpoint.method.name().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                throw new AssertionError(endpoint.method + " " + endpoint.path + " is not in the OpenAPI document");
            }
            Roles roles = endpoint.metadata(Roles.class);
            Access access = roles == null ? Access.CREATOR : roles.getRoles().stream()
                    .filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(Access.CREATOR);
            routes.add(new Route(endpoint.method.name(), endpoint.path, access, operation));
        }
        if (routes.size() < 30) {
            throw new AssertionError("found only " + routes.size() + " routes: " + routes);
        }
        return List.copyOf(routes);
    }

    /**
     * A valid value of a query parameter, by its name and format: a range that holds everything
     * the tests make (the clock starts at 2026-03-01), or a page of ours to come back to.
     */
    static String validValue(Route route, JsonNode parameter) {
        String name = parameter.get("name").asString();
        String format = parameter.path("schema").path("format").asString("");
        return switch (name + ":" + format) {
            case "from:date-time" -> "2026-01-01T00:00:00Z";
            case "to:date-time" -> "2027-01-01T00:00:00Z";
            case "from:date" -> "2026-01-01";
            case "to:date" -> "2026-12-31";
            case "redirect:uri" -> Journeys.CALLBACK;
            default -> throw new AssertionError("no valid value for the query parameter '" + name + "' (" + format
                    + ") of " + route.key() + ": add one to RegisteredRoutes.validValue");
        };
    }

    /** {@code text} as one path segment: every byte but RFC 3986's unreserved characters percent-encoded. */
    static String segment(String text) {
        if (text.matches("\\.{1,2}")) {
            return text.replace(".", "%2E"); // else the client would resolve it as a dot-segment
        }
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** {@code text} as a query parameter value. */
    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
