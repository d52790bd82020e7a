package dev.truss.adapters.gemini;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads the model's answer strictly: one JSON object and nothing after it, no duplicate keys, with
 * the three lists {@link AnswerSchema} asks for. An answer that is not that is {@link Unparseable}
 * (asked again, then given up). Inside the lists an item that cannot be used (a time that is not a
 * number, a missing title) is dropped and a judgement of the wrong type ignored, each with a note;
 * times and texts are checked against the video later, by {@link Repairs}. Fields the schema does
 * not name are ignored.
 */
final class ModelAnswer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A moment as the model gave it: seconds from the start of the part, judgements if given. */
    record RawMoment(int number, double startSeconds, double endSeconds, String title, String hookLine,
                     String caption, OptionalDouble hookStrength, OptionalDouble emotionalIntensity, String reason) {
    }

    record RawChapter(int number, double startSeconds, String title, String summary) {
    }

    record RawSegment(int number, double startSeconds, double endSeconds, String text) {
    }

    /** What could be read, and a note for every item dropped or field ignored. */
    record Parsed(List<RawMoment> moments, List<RawChapter> chapters, List<RawSegment> transcript,
                  List<String> problems) {
        Parsed {
            moments = List.copyOf(moments);
            chapters = List.copyOf(chapters);
            transcript = List.copyOf(transcript);
            problems = List.copyOf(problems);
        }
    }

    /** The answer is not the JSON asked for; the message says what it was instead ("not valid JSON (…)"), for the notes. */
    static final class Unparseable extends Exception {
        Unparseable(String message) {
            super(message);
        }
    }

    private ModelAnswer() {
    }

    static Parsed parse(String text) throws Unparseable {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unparseable("not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new Unparseable("empty");
        }
        if (!root.isObject()) {
            throw new Unparseable("JSON of the wrong kind (" + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not the object asked for)");
        }
        List<String> problems = new ArrayList<>();
        List<RawMoment> moments = new ArrayList<>();
        List<JsonNode> momentNodes = list(root, "moments");
        List<JsonNode> chapterNodes = list(root, "chapters");
        List<JsonNode> segmentNodes = list(root, "transcript");
        for (int i = 0; i < momentNodes.size(); i++) {
            Item item = new Item("moment", i + 1, momentNodes.get(i), problems);
            if (item.usable("startSeconds", "endSeconds", "title")) {
                moments.add(new RawMoment(i + 1, item.number("startSeconds"), item.number("endSeconds"),
                        item.text("title"), item.optionalText("hookLine"), item.optionalText("caption"),
                        item.judgement("hookStrength"), item.judgement("emotionalIntensity"),
                        item.optionalText("reason")));
            }
        }
        List<RawChapter> chapters = new ArrayList<>();
        for (int i = 0; i < chapterNodes.size(); i++) {
            Item item = new Item("chapter", i + 1, chapterNodes.get(i), problems);
            if (item.usable("startSeconds", null, "title")) {
                chapters.add(new RawChapter(i + 1, item.number("startSeconds"), item.text("title"),
                        item.optionalText("summary")));
            }
        }
        List<RawSegment> transcript = new ArrayList<>();
        for (int i = 0; i < segmentNodes.size(); i++) {
            Item item = new Item("transcript segment", i + 1, segmentNodes.get(i), problems);
            if (item.usable("startSeconds", "endSeconds", "text")) {
                transcript.add(new RawSegment(i + 1, item.number("startSeconds"), item.number("endSeconds"),
                        item.text("text")));
            }
        }
        return new Parsed(moments, chapters, transcript, problems);
    }

    private static List<JsonNode> list(JsonNode root, String name) throws Unparseable {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new Unparseable("JSON without the '" + name + "' list");
        }
        if (!node.isArray()) {
            throw new Unparseable("JSON whose '" + name + "' is not a list but "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** One item of a list, and the notes on what of it cannot be used. */
    private record Item(String kind, int number, JsonNode node, List<String> problems) {

        /** Whether the item is an object with numbers for the times and a non-blank text; noted when not. */
        boolean usable(String start, String end, String text) {
            if (!node.isObject()) {
                return dropped("it is not an object");
            }
            for (String time : end == null ? List.of(start) : List.of(start, end)) {
                JsonNode value = node.get(time);
                if (value == null || !value.isNumber()) {
                    return dropped(time + " is " + (value == null ? "missing" : "not a number"));
                }
            }
            JsonNode words = node.get(text);
            if (words == null || !words.isTextual() || words.asText().isBlank()) {
                return dropped(text + " is " + (words == null ? "missing" : words.isTextual() ? "empty" : "not text"));
            }
            return true;
        }

        double number(String field) {
            return node.get(field).asDouble();
        }

        String text(String field) {
            return node.get(field).asText();
        }

        String optionalText(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return "";
            }
            if (!value.isTextual()) {
                problems.add(kind + " " + number + ": " + field + " is not text; left empty");
                return "";
            }
            return value.asText();
        }

        OptionalDouble judgement(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return OptionalDouble.empty();
            }
            if (!value.isNumber()) {
                problems.add(kind + " " + number + ": " + field + " is not a number; ignored");
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value.asDouble());
        }

        private boolean dropped(String why) {
            problems.add("dropped " + kind + " " + number + ": " + why);
            return false;
        }
    }
}
