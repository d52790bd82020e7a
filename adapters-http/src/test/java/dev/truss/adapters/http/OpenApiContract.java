package dev.truss.adapters.http;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a contract every answer is held to: {@link ApiClient} checks each
 * reply of a documented route against it (status documented, content type, body valid against
 * the response's JSON Schema, date-time and other formats asserted), so every test of the
 * suite also tests the document.
 */
final class OpenApiContract {

    static final String RESOURCE = "/dev/truss/adapters/http/openapi.json";
    /** The document's id for the schema registry; no request is ever made to it. */
    static final String DOCUMENT_ID = "https://truss.invalid/openapi.json";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private record Template(String path, Pattern pattern) {
    }

    final String text;
    final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document = MAPPER.readTree(text);
        document.get("paths").propertyNames().forEach(path -> templates.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")))));
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_ID, text)));
    }

    static OpenApiContract get() {
        return INSTANCE;
    }

    /** The documented path template {@code path} falls under, if any; literal templates win over parameters. */
    Optional<String> template(String path) {
        return templates.stream().filter(t -> t.path().equals(path)).findFirst()
                .or(() -> templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst())
                .map(Template::path);
    }

    /** A JSON Schema of the document, by its local reference ({@code #/components/schemas/Clip}). */
    Schema schema(String localRef) {
        return schemas.computeIfAbsent(localRef, ref -> registry.getSchema(SchemaLocation.of(DOCUMENT_ID + ref)));
    }

    /** What is wrong with {@code json} against the schema at {@code localRef}; empty when it is valid. */
    List<String> violations(String localRef, JsonNode json) {
        List<Error> errors = schema(localRef).validate(json,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    /** Checks a reply of {@code method path} against the document; throws AssertionError on any difference. */
    void check(String method, String rawPath, ApiClient.Reply reply) {
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        if (reply.status() == 500) {
            throw new AssertionError(method + " " + path + " answered 500: " + reply.body());
        }
        Optional<String> template = template(path);
        if (template.isEmpty() || method.equals("OPTIONS") || method.equals("HEAD")) {
            return; // not a documented route: nothing to hold it to
        }
        JsonNode operation = document.get("paths").get(template.get()).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return; // a method the route does not take: Javalin's own 404/405
        }
        String where = method + " " + template.get() + " → " + reply.status();
        JsonNode responses = operation.get("responses");
        JsonNode response = responses.get(Integer.toString(reply.status()));
        if (response == null) {
            if (reply.status() < 400) {
                throw new AssertionError(where + " is not documented");
            }
            response = responses.get("default");
        }
        response = resolve(response);
        JsonNode content = response.get("content");
        String contentType = reply.header("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        if (content == null) {
            if (!reply.body().isEmpty() && reply.status() / 100 != 3) { // Javalin words its redirects
                throw new AssertionError(where + " is documented without a body but has one: " + reply.body());
            }
            return;
        }
        JsonNode media = content.get(contentType);
        if (media == null) {
            throw new AssertionError(where + " answered " + contentType + ", documented: " + content.propertyNames());
        }
        if (!contentType.endsWith("json")) {
            return;
        }
        String ref = media.get("schema").path("$ref").asString("");
        if (ref.isEmpty()) {
            return; // the document itself: any object
        }
        List<String> violations = violations(ref, reply.json());
        if (!violations.isEmpty()) {
            throw new AssertionError(where + " does not match " + ref + ": " + violations + "\n" + reply.body());
        }
    }

    /** A node, or the node its local {@code $ref} points to. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = pointer(current.get("$ref").asString());
        }
        return current;
    }

    JsonNode pointer(String localRef) {
        if (!localRef.startsWith("#/")) {
            throw new AssertionError("not a local reference: " + localRef);
        }
        return document.at(localRef.substring(1));
    }
}
