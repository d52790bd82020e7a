package dev.truss.adapters.http;

import static dev.truss.adapters.http.Journeys.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.http.RegisteredRoutes.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two creators on one server, each with something in every list. Alaric tries every route that
 * names a thing in its path with Beatrix's ids, her platform and her OAuth grant, pages with her
 * cursors and with cursors tampered with: he gets what an id nobody has gets, sees none of her
 * ids or words, and afterwards everything she can read is as it was. The routes come from
 * Javalin, so a route added later is tried too, or the test names the rule it lacks.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrossCreatorTest {

    private static final TestServer SERVER = TestServer.forManyCreators();
    private static final Journeys JOURNEYS = new Journeys(SERVER);
    private static final List<Route> ROUTES = RegisteredRoutes.of(SERVER);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** An id of the right shape that is nobody's: another creator's id must be answered like this one. */
    private static final String NOBODYS_ID = "7ZZZZZZZZZZZZZZZZZZZZZZZZZ";
    /** A platform neither creator connected. */
    private static final String NOBODYS_PLATFORM = "discord";

    /**
     * Where the other creator's value is not simply a 404: these name a platform, which is no one's,
     * rather than a thing of someone's. Beginning a connection begins the asker's own; a grant made
     * for someone else is refused as one not started here. The callback page is the same page
     * for everyone; only its script, in the creator's own session, posts anything.
     */
    private static final Map<String, Integer> NOT_404 = Map.of(
            "GET /api/connections/{platform}/authorize", 200,
            "POST /api/connections/{platform}", 422,
            "POST /api/connections/{platform}/webhook", 422,
            "GET /connect/{platform}/callback", 200);

    /**
     * Refusals that name what the server offers on that platform (a webhook connector on Discord
     * only), not whose the platform is: compared by status, and checked for leaks, not by body.
     */
    private static final Set<String> ANSWERED_BY_PLATFORM = Set.of("POST /api/connections/{platform}/webhook");

    /** GETs that hand out a fresh link each time: compared by status, not body. */
    private static final Set<String> FRESH_LINKS = Set.of(
            "GET /api/connections/{platform}/authorize",
            "GET /api/clips/{clipId}/download");

    private static Journeys.Holdings bea; // whose things the other one tries to reach
    private static Journeys.Holdings al;  // who tries

    /**
     * A valid body for each route that takes one and names a thing in its path: valid for the
     * owner, so a refusal can only be about whose thing it is. Bodies aim high: the clip's real
     * version, both creators' platforms, the owner's own OAuth grant.
     */
    private static final Map<String, BiFunction<Map<String, String>, Journeys.Holdings, Object>> BODIES = Map.of(
            "PATCH /api/clips/{clipId}", (values, owner) -> Map.of("version", version(owner, values.get("clipId")),
                    "title", "Taken over by Alaric"),
            "POST /api/clips/{clipId}/publications", (values, owner) -> Map.of("platforms",
                    List.of(bea.platform(), al.platform())),
            "POST /api/streams/{streamId}/chat", (values, owner) -> Map.of("messages", List.of(Map.of(
                    "at", SERVER.truss.clock.instant().toString(), "text", "Alaric was here"))),
            "POST /api/connections/{platform}", (values, owner) -> owner.usedGrant(),
            "POST /api/connections/{platform}/webhook", (values, owner) -> Map.of("url",
                    "https://discord.example/api/webhooks/1000000000001/not-a-webhook-of-anyone"),
            "POST /api/assets/{assetId}/analysis", (values, owner) -> Map.of("detector", "local"),
            "POST /api/assets/{assetId}/complete", (values, owner) -> Map.of("detector", "local"));

    @BeforeAll
    static void build() {
        bea = JOURNEYS.everything("beatrix@example.com", "Beatrix Quillfeather", "youtube");
        al = JOURNEYS.everything("alaric@example.com", "Alaric Thorne", "tiktok");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void every_route_with_a_path_parameter_answers_another_creators_value_as_one_that_is_nobodys_and_changes_nothing() {
        Map<String, String> beaReads = reads(bea);
        Map<String, String> alReads = reads(al);
        int queued = SERVER.truss.queue.submitted().size();
        int posts = posts();
        Set<String> objects = Set.copyOf(SERVER.truss.objects.keys());
        int mails = SERVER.truss.mailer.sent().size();
        List<String> tried = new ArrayList<>();

        for (Route route : ROUTES) {
            if (!route.hasPathParameters()) {
                continue;
            }
            Map<String, String> nobodys = new LinkedHashMap<>();
            route.pathParameters().forEach(name -> nobodys.put(name, nobodysValue(name)));
            for (Map<String, String> values : combinations(route, CrossCreatorTest::othersValues)) {
                String where = route + " with " + values;
                int expected = NOT_404.getOrDefault(route.key(), 404);

                ApiClient.Reply reply = call(al.browser(), route, values, bea);
                ApiClient.Reply control = call(al.browser(), route, nobodys, bea);

                assertThat(reply.status()).as(where + ": " + reply.body()).isEqualTo(expected);
                assertThat(control.status()).as(route + " with " + nobodys + ": " + control.body()).isEqualTo(expected);
                String seen = withoutEchoes(reply, values);
                assertThat(bea.secrets()).as("what " + where + " showed of Beatrix's: " + seen)
                        .noneMatch(seen::contains);
                if (expected >= 400 && !ANSWERED_BY_PLATFORM.contains(route.key())) {
                    assertThat(seen).as(where + " answers as for a value that is nobody's")
                            .isEqualTo(withoutEchoes(control, nobodys));
                }
                tried.add(where);
            }
        }

        assertThat(tried).hasSizeGreaterThan(100);
        assertThat(reads(bea)).as("what Beatrix reads afterwards").isEqualTo(beaReads);
        assertThat(reads(al)).as("what Alaric reads afterwards").isEqualTo(alReads);
        assertThat(SERVER.truss.queue.submitted()).as("jobs queued").hasSize(queued);
        assertThat(posts()).as("posts on platforms").isEqualTo(posts);
        assertThat(SERVER.truss.objects.keys()).as("stored objects").containsExactlyInAnyOrderElementsOf(objects);
        assertThat(SERVER.truss.mailer.sent()).as("mails").hasSize(mails);
    }

    @Test
    void every_list_a_creator_reads_holds_all_of_their_own_items_and_none_of_anyone_elses_on_every_page() {
        StringBuilder everything = new StringBuilder();
        int pages = 0;
        for (Route route : ROUTES) {
            if (!isRead(route)) {
                continue;
            }
            for (Map<String, String> values : combinations(route, name -> ownValues(al, name))) {
                for (String query : variants(route)) {
                    String path = route.path(values) + (route.isPaged() ? and(query, "limit=1") : query);
                    for (String cursor = ""; cursor != null; pages++) {
                        ApiClient.Reply page = al.browser().get(path + cursor);
                        assertThat(page.status()).as(path + cursor + ": " + page.body())
                                .isEqualTo(readable(route, values, al) ? 200 : 422);
                        assertThat(bea.secrets()).as("what " + path + cursor + " showed of Beatrix's: " + page.body())
                                .noneMatch(page.body()::contains);
                        everything.append(page.body());
                        cursor = route.isPaged() && next(page) != null
                                ? "&cursor=" + RegisteredRoutes.query(next(page)) : null;
                    }
                }
            }
        }

        assertThat(pages).isGreaterThan(20);
        assertThat(al.secrets()).as("Alaric's own things, each on some page").allMatch(everything.toString()::contains);
    }

    @Test
    void a_cursor_of_another_creators_list_is_a_400_on_the_same_list_that_shows_nothing_of_theirs() {
        Map<String, String> beas = cursors(bea);
        Map<String, String> als = cursors(al);

        assertThat(beas.keySet().stream().map(list -> list.replace(bea.liveStream(), al.liveStream())))
                .containsExactlyInAnyOrderElementsOf(als.keySet());
        beas.forEach((list, cursor) -> {
            String alsList = list.replace(bea.liveStream(), al.liveStream());
            ApiClient.Reply reply = al.browser().get(alsList + "&cursor=" + RegisteredRoutes.query(cursor));

            assertThat(reply.status()).as(alsList + " with Beatrix's cursor: " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("detail").asString()).contains("cursor");
            assertThat(bea.secrets()).noneMatch(reply.body()::contains);
        });
    }

    @Test
    void a_cursor_of_one_list_is_a_400_on_every_other_list() {
        Map<String, String> cursors = cursors(al);
        int tried = 0;

        for (Map.Entry<String, String> from : cursors.entrySet()) {
            for (String list : cursors.keySet()) {
                if (!list.equals(from.getKey())) {
                    ApiClient.Reply reply = al.browser().get(list + "&cursor=" + RegisteredRoutes.query(from.getValue()));
                    assertThat(reply.status()).as(list + " with the cursor of " + from.getKey()).isEqualTo(400);
                    tried++;
                }
            }
            ApiClient.Reply own = al.browser().get(from.getKey() + "&cursor=" + RegisteredRoutes.query(from.getValue()));
            assertThat(own.status()).as("the cursor on its own list " + from.getKey()).isEqualTo(200);
        }
        assertThat(tried).isGreaterThanOrEqualTo(30);
    }

    @Test
    void a_cursor_with_any_character_changed_cut_short_lengthened_made_up_or_huge_is_a_400() {
        Random random = new Random(20260301);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int tried = 0;

        for (Map.Entry<String, String> list : cursors(al).entrySet()) {
            String cursor = list.getValue();
            List<String> tampered = new ArrayList<>();
            for (int i = 0; i < cursor.length(); i++) {
                char c = cursor.charAt(i);
                // The top bit of a base64 digit always counts, even in the last digit of a group.
                char flipped = c == '.' ? 'A' : alphabet.charAt(alphabet.indexOf(c) ^ 32);
                tampered.add(cursor.substring(0, i) + flipped + cursor.substring(i + 1));
            }
            for (int length = 1; length < cursor.length(); length++) {
                tampered.add(cursor.substring(0, length));
            }
            tampered.add(cursor + "A");
            tampered.add(cursor + "." + cursor);
            tampered.add(cursor.substring(cursor.indexOf('.') + 1) + "." + cursor.substring(0, cursor.indexOf('.')));
            for (int i = 0; i < 20; i++) {
                tampered.add(randomText(random, alphabet, 1 + random.nextInt(120)) + (i % 2 == 0 ? "."
                        + randomText(random, alphabet, 43) : ""));
            }
            tampered.add(cursor.substring(0, cursor.indexOf('.')) + "." + "A".repeat(5000));
            tampered.add("A".repeat(6000));
            tampered.add("." + cursor.substring(cursor.indexOf('.') + 1));
            tampered.add("%%%");
            tampered.add("=");

            for (String forged : tampered) {
                ApiClient.Reply reply = al.browser().get(list.getKey() + "&cursor=" + RegisteredRoutes.query(forged));
                assertThat(reply.status()).as(list.getKey() + " with the cursor " + forged + ": " + reply.body())
                        .isEqualTo(400);
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(500);
    }

    @Test
    void a_cursor_too_long_for_an_address_is_refused_as_a_problem() {
        ApiClient.Reply reply = al.browser().get("/api/assets?cursor=" + "A".repeat(100_000));

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(Problems.CONTENT_TYPE));
        assertThat(al.browser().get("/health").status()).isEqualTo(200);
    }

    // ---- what is tried where

    /** Someone else's values for a path parameter: every id of theirs in every id's place, their platform. */
    private static List<String> othersValues(String parameter) {
        if (parameter.endsWith("Id")) {
            return bea.ids();
        }
        if (parameter.equals("platform")) {
            return List.of(bea.platform());
        }
        if (parameter.equals("name")) { // a file of the login pages: someone's id there finds nothing either
            return bea.ids();
        }
        throw new AssertionError("no rule for the path parameter {" + parameter + "}: add one to othersValues, "
                + "nobodysValue and ownValues");
    }

    private static String nobodysValue(String parameter) {
        if (parameter.equals("platform")) {
            assertThat(Set.of(bea.platform(), al.platform())).doesNotContain(NOBODYS_PLATFORM);
            return NOBODYS_PLATFORM;
        }
        othersValues(parameter); // the same parameters have rules
        return NOBODYS_ID;
    }

    /** A creator's own values for a path parameter, each of the right kind. */
    private static List<String> ownValues(Journeys.Holdings owner, String parameter) {
        return switch (parameter) {
            case "assetId" -> owner.assets();
            case "clipId" -> owner.clips();
            case "jobId" -> owner.jobs();
            case "streamId" -> owner.streams();
            case "platform" -> List.of(owner.platform());
            default -> throw new AssertionError("no rule for the path parameter {" + parameter + "}: add one to "
                    + "othersValues, nobodysValue and ownValues");
        };
    }

    /** Every way to fill the route's path parameters with the given values. */
    private static List<Map<String, String>> combinations(Route route, Function<String, List<String>> values) {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (String parameter : route.pathParameters()) {
            List<Map<String, String>> longer = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : values.apply(parameter)) {
                    Map<String, String> one = new LinkedHashMap<>(combination);
                    one.put(parameter, value);
                    longer.add(one);
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    /** The request a client of the route sends: its required query, a valid body or {@code {}} where it changes something. */
    private static ApiClient.Reply call(ApiClient browser, Route route, Map<String, String> values,
                                        Journeys.Holdings owner) {
        String path = route.path(values) + route.requiredQuery();
        if (route.takesBody()) {
            BiFunction<Map<String, String>, Journeys.Holdings, Object> body = BODIES.get(route.key());
            assertThat(body).as(route + " takes a body: add a valid one to BODIES").isNotNull();
            JsonNode json = MAPPER.valueToTree(body.apply(values, owner));
            String schema = route.operation().at("/requestBody/content/application~1json/schema/$ref").asString();
            assertThat(OpenApiContract.get().violations(schema, json)).as("the body for " + route).isEmpty();
            return browser.send(route.method(), path, json.toString(), "application/json");
        }
        return route.changesState() && !route.method().equals("DELETE")
                ? browser.send(route.method(), path, "{}", "application/json")
                : browser.send(route.method(), path, (String) null, null);
    }

    private static long version(Journeys.Holdings owner, String clip) {
        for (String asset : owner.assets()) {
            for (JsonNode item : Journeys.clipsOf(owner.browser(), asset)) {
                if (item.get("id").asString().equals(clip)) {
                    return item.get("version").asLong();
                }
            }
        }
        return 0; // another kind of id in a clip's place
    }

    /** The body without its request id and without the values the asker sent, which it may echo. */
    private static String withoutEchoes(ApiClient.Reply reply, Map<String, String> values) {
        String body = reply.body();
        if (reply.header("Content-Type").orElse("").startsWith(Problems.CONTENT_TYPE)) {
            ObjectNode problem = (ObjectNode) reply.json();
            problem.remove("requestId");
            body = problem.toString();
        }
        for (String value : values.values()) {
            body = body.replace(RegisteredRoutes.segment(value), "{value}").replace(value, "{value}");
        }
        return body;
    }

    // ---- reading

    /** A route that reads a creator's things: a GET of the API that needs the session. */
    private static boolean isRead(Route route) {
        return route.method().equals("GET") && route.access() == Access.CREATOR;
    }

    /** Everything a creator can read, by path (every page at once), with its status and body. */
    private static Map<String, String> reads(Journeys.Holdings owner) {
        Map<String, String> reads = new TreeMap<>();
        for (Route route : ROUTES) {
            if (!isRead(route)) {
                continue;
            }
            for (Map<String, String> values : combinations(route, name -> ownValues(owner, name))) {
                for (String query : variants(route)) {
                    String path = route.path(values) + (route.isPaged() ? and(query, "limit=100") : query);
                    ApiClient.Reply reply = owner.browser().get(path);
                    reads.put(path, reply.status() + (FRESH_LINKS.contains(route.key()) ? "" : " " + reply.body()));
                }
            }
        }
        return reads;
    }

    /** Whether the owner can read the route with these values: a clip not rendered has no download yet (422). */
    private static boolean readable(Route route, Map<String, String> values, Journeys.Holdings owner) {
        return !route.key().equals("GET /api/clips/{clipId}/download")
                || values.get("clipId").equals(owner.renderedClip());
    }

    /** {@code query} with one more parameter. */
    private static String and(String query, String parameter) {
        return (query.isEmpty() ? "?" : query + "&") + parameter;
    }

    /**
     * The lists of a route: its required query, and one list for each documented example of an
     * optional parameter other than the page's own ({@code order=newest}, {@code order=top}).
     */
    private static List<String> variants(Route route) {
        String base = route.requiredQuery();
        List<String> variants = new ArrayList<>();
        for (JsonNode parameter : route.queryParameters()) {
            String name = parameter.get("name").asString();
            if (parameter.path("required").asBoolean(false) || name.equals("limit") || name.equals("cursor")) {
                continue;
            }
            JsonNode values = parameter.path("schema").has("enum") ? parameter.path("schema").get("enum")
                    : parameter.path("schema").path("examples");
            values.forEach(value -> variants.add(and(base, name + "=" + RegisteredRoutes.query(value.asString()))));
        }
        return variants.isEmpty() ? List.of(base) : variants;
    }

    /**
     * The cursor of the second page of every list of the owner, by the path of the list (with
     * {@code limit=1}); the spikes of a stream are those of the owner's live stream. Every paged
     * route must have one.
     */
    private static Map<String, String> cursors(Journeys.Holdings owner) {
        Map<String, String> cursors = new TreeMap<>();
        for (Route route : ROUTES) {
            if (!isRead(route) || !route.isPaged()) {
                continue;
            }
            int found = 0;
            for (Map<String, String> values : combinations(route, name -> name.equals("streamId")
                    ? List.of(owner.liveStream()) : ownValues(owner, name))) {
                for (String query : variants(route)) {
                    String list = route.path(values) + and(query, "limit=1");
                    String cursor = next(owner.browser().get(list));
                    assertThat(cursor).as("the next page of " + list + " of " + owner.displayName()).isNotNull();
                    cursors.put(list, cursor);
                    found++;
                }
            }
            assertThat(found).as(route.key()).isPositive();
        }
        assertThat(cursors).hasSizeGreaterThanOrEqualTo(6);
        return cursors;
    }

    private static int posts() {
        return SERVER.truss.publishers.values().stream().mapToInt(p -> p.posts().size()).sum();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
