package dev.truss.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.truss.application.port.media.DetectorChoice;
import dev.truss.domain.analytics.Metric;
import dev.truss.domain.asset.AssetState;
import dev.truss.domain.clip.Layout;
import dev.truss.domain.job.JobKind;
import dev.truss.domain.job.JobState;
import dev.truss.domain.platform.Platform;
import dev.truss.domain.stream.StreamState;
import dev.truss.domain.virality.Signal;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document served at /openapi.json is OpenAPI 3.1 and describes exactly the routes the server has. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiTest {

    private static final TestServer SERVER = new TestServer();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^/}]+)}");

    private final OpenApiContract contract = OpenApiContract.get();
    private final JsonNode doc = contract.document;

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    /** Every route Javalin has: "METHOD /path/{param}" → its endpoint, without preflights, HEAD and plugin filters. */
    private static Map<String, Endpoint> routes() {
        Map<String, Endpoint> routes = new LinkedHashMap<>();
        for (ParsedEndpoint parsed : SERVER.server.app().unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = parsed.endpoint;
            if (endpoint.method.isHttpMethod() && endpoint.method != HandlerType.OPTIONS
                    && endpoint.method != HandlerType.HEAD) {
                routes.put(endpoint.method.name() + " " + endpoint.path, endpoint);
            }
        }
        return routes;
    }

    /** Every operation of the document: "METHOD /path/{param}" → the operation. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), entry.getValue());
            }
        }));
        return operations;
    }

    @Test
    void the_served_document_is_the_one_in_the_jar_and_it_is_openapi_3_1() {
        ApiClient.Reply reply = SERVER.browser().get("/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(reply.json()).isEqualTo(doc);
        assertThat(doc.get("openapi").asString()).startsWith("3.1.");
        assertThat(doc.get("info").get("title").asString()).isNotBlank();
        assertThat(doc.get("info").get("version").asString()).isNotBlank();
    }

    @Test
    void the_document_describes_exactly_the_routes_the_server_has() {
        Set<String> routes = new TreeSet<>(routes().keySet());
        Set<String> documented = new TreeSet<>(operations().keySet());

        assertThat(routes).as("routes the document lacks").isSubsetOf(documented);
        assertThat(documented).as("documented operations the server lacks").isSubsetOf(routes);
        assertThat(routes).hasSizeGreaterThan(30);
    }

    @Test
    void every_route_declares_exactly_one_access_and_the_document_says_which_need_the_session() {
        assertThat(doc.get("components").get("securitySchemes").get("session").toString())
                .contains("\"in\":\"cookie\"").contains("\"name\":\"truss_session\"");
        assertThat(doc.get("security").toString()).isEqualTo("[{\"session\":[]}]");
        Map<String, JsonNode> operations = operations();
        routes().forEach((route, endpoint) -> {
            Roles roles = endpoint.metadata(Roles.class);
            Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
            assertThat(declared).as("the access of " + route).hasSize(1);
            boolean publicRoute = declared.contains(Access.ANYONE);
            JsonNode security = operations.get(route).get("security");
            boolean documentedPublic = security != null && security.isArray() && security.isEmpty();
            assertThat(documentedPublic).as(route + " needs no session in the document").isEqualTo(publicRoute);
        });
    }

    @Test
    void every_route_the_document_guards_answers_401_without_a_session_and_403_from_a_foreign_origin() {
        ApiClient anonymous = SERVER.browser();
        ApiClient foreign = SERVER.loggedIn("foreign@example.com").withHeader("Origin", "https://evil.example");
        operations().forEach((route, operation) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = PARAMETER.matcher(route.substring(route.indexOf(' ') + 1))
                    .replaceAll("01J00000000000000000000000");
            boolean changes = !method.equals("GET");
            if (operation.get("security") == null && path.startsWith("/api/")) {
                ApiClient.Reply reply = anonymous.send(method, path, changes ? "{}" : null,
                        changes ? "application/json" : null);
                assertThat(reply.status()).as(route).isEqualTo(401);
            }
            if (changes) {
                assertThat(foreign.send(method, path, "{}", "application/json").status()).as(route).isEqualTo(403);
            }
        });
    }

    @Test
    void every_reference_resolves_within_the_document() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(contract.pointer(ref).isMissingNode()).as(ref + " resolves").isFalse();
        });
    }

    @Test
    void every_path_parameter_is_declared_and_every_declared_one_is_in_the_path() {
        operations().forEach((route, operation) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            Set<String> inTemplate = new HashSet<>();
            Matcher matcher = PARAMETER.matcher(path);
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            Set<String> declared = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = contract.resolve(parameter);
                String key = resolved.get("in").asString() + ":" + resolved.get("name").asString();
                assertThat(seen.add(key)).as(route + " declares " + key + " once").isTrue();
                if (resolved.get("in").asString().equals("path")) {
                    assertThat(resolved.get("required").asBoolean()).as(key + " of " + route + " is required").isTrue();
                    declared.add(resolved.get("name").asString());
                }
            }
            assertThat(declared).as("path parameters of " + route).isEqualTo(inTemplate);
        });
    }

    @Test
    void every_operation_has_a_unique_id_a_success_answer_and_a_problem_for_the_rest() {
        Set<String> ids = new HashSet<>();
        operations().forEach((route, operation) -> {
            assertThat(ids.add(operation.get("operationId").asString())).as("operationId of " + route).isTrue();
            JsonNode responses = operation.get("responses");
            assertThat(responses.propertyNames()).as(route).anyMatch(code -> code.matches("[23]\\d\\d"));
            assertThat(responses.get("default")).as("default answer of " + route).isNotNull();
            responses.properties().forEach(entry -> {
                JsonNode response = contract.resolve(entry.getValue());
                assertThat(response.path("description").asString("")).as(route + " " + entry.getKey()).isNotBlank();
                if (entry.getKey().startsWith("4") || entry.getKey().equals("default")) {
                    assertThat(response.get("content").propertyNames()).as(route + " " + entry.getKey())
                            .containsExactly("application/problem+json");
                }
            });
        });
    }

    @Test
    void every_json_body_is_a_named_schema_and_every_named_schema_is_used() {
        Set<String> used = new HashSet<>();
        List<String> refs = new ArrayList<>();
        collectRefs(doc.get("paths"), refs);
        collectRefs(doc.get("components").get("responses"), refs);
        refs.stream().filter(ref -> ref.startsWith("#/components/schemas/")).forEach(used::add);
        for (int grown = -1; grown != used.size(); ) { // schemas used by used schemas
            grown = used.size();
            for (String ref : List.copyOf(used)) {
                List<String> inner = new ArrayList<>();
                collectRefs(contract.pointer(ref), inner);
                used.addAll(inner);
            }
        }
        Set<String> named = new TreeSet<>();
        doc.get("components").get("schemas").propertyNames().forEach(name -> named.add("#/components/schemas/" + name));

        assertThat(used).containsExactlyInAnyOrderElementsOf(named);
        operations().forEach((route, operation) -> {
            JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
            assertThat(body.isMissingNode() || body.has("$ref")).as("request body of " + route).isTrue();
        });
    }

    @Test
    void every_schema_is_valid_json_schema_2020_12() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        doc.get("components").get("schemas").properties().forEach(entry -> {
            List<Error> errors = meta.validate(entry.getValue());
            assertThat(errors).as("schema " + entry.getKey()).isEmpty();
            assertThat(contract.schema("#/components/schemas/" + entry.getKey())).isNotNull(); // it compiles
        });
    }

    @Test
    void the_documented_enums_are_the_names_the_api_sends() {
        assertEnum("#/components/schemas/Asset/properties/state", AssetState.class);
        assertEnum("#/components/schemas/Job/properties/kind", JobKind.class);
        assertEnum("#/components/schemas/Job/properties/state", JobState.class);
        assertEnum("#/components/schemas/Contribution/properties/signal", Signal.class);
        assertEnum("#/components/schemas/Clip/properties/layout", Layout.class);
        assertEnum("#/components/schemas/Stream/properties/platform", Platform.class);
        assertEnum("#/components/schemas/Stream/properties/state", StreamState.class);
        assertEnum("#/components/schemas/Connection/properties/platform", Platform.class);
        assertEnum("#/components/schemas/Publication/properties/platform", Platform.class);
        assertEnum("#/paths/~1connect~1{platform}~1callback/get/parameters/0/schema", Platform.class);
        List<String> detectors = new ArrayList<>();
        contract.pointer("#/components/schemas/AnalysisRequest/properties/detector").get("enum")
                .forEach(value -> detectors.add(value.isNull() ? null : value.asString()));
        assertThat(detectors).containsExactlyElementsOf(java.util.stream.Stream.concat(
                names(DetectorChoice.class).stream(), java.util.stream.Stream.of((String) null)).toList());
        assertThat(doc.at("/components/schemas/Counts/properties").propertyNames())
                .containsExactlyElementsOf(names(Metric.class));
    }

    private void assertEnum(String ref, Class<? extends Enum<?>> type) {
        List<String> documented = new ArrayList<>();
        contract.pointer(ref).get("enum").forEach(value -> documented.add(value.asString()));
        assertThat(documented).as(ref).containsExactlyElementsOf(names(type));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toList());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                    refs.add(entry.getValue().asString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
