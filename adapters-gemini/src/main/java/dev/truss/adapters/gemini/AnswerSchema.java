package dev.truss.adapters.gemini;

import com.google.genai.types.Schema;
import com.google.genai.types.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape the model must answer in, sent as {@code responseSchema} with {@code responseMimeType}
 * {@code application/json}: an object with {@code moments}, {@code chapters} and {@code transcript}.
 * Times are seconds from the start of the file sent; judgements are 0–1. The schema steers the
 * model; {@link ModelAnswer} still checks everything it returns.
 */
final class AnswerSchema {

    static final String MIME_TYPE = "application/json";

    static final List<String> MOMENT_FIELDS = List.of("startSeconds", "endSeconds", "title", "hookLine", "caption",
            "hookStrength", "emotionalIntensity", "reason");
    static final List<String> CHAPTER_FIELDS = List.of("startSeconds", "title", "summary");
    static final List<String> SEGMENT_FIELDS = List.of("startSeconds", "endSeconds", "text");

    private static final Schema ANSWER = object(Map.of(
            "moments", array(object(momentProperties(), MOMENT_FIELDS), "the best moments for short clips"),
            "chapters", array(object(chapterProperties(), CHAPTER_FIELDS), "the topics, in order"),
            "transcript", array(object(segmentProperties(), SEGMENT_FIELDS), "what is said, in order")),
            List.of("moments", "chapters", "transcript"));

    private AnswerSchema() {
    }

    static Schema answer() {
        return ANSWER;
    }

    private static Map<String, Schema> momentProperties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("startSeconds", seconds());
        properties.put("endSeconds", seconds());
        properties.put("title", text("what happens, at most 80 characters"));
        properties.put("hookLine", text("the opening line shown on screen, at most 150 characters"));
        properties.put("caption", text("a caption to post with, at most 300 characters"));
        properties.put("hookStrength", judgement("how strongly the first 3 seconds make a viewer stay"));
        properties.put("emotionalIntensity", judgement("how strong the emotion is"));
        properties.put("reason", text("why it would work, one sentence"));
        return properties;
    }

    private static Map<String, Schema> chapterProperties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("startSeconds", seconds());
        properties.put("title", text("the topic, at most 80 characters"));
        properties.put("summary", text("one sentence"));
        return properties;
    }

    private static Map<String, Schema> segmentProperties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("startSeconds", seconds());
        properties.put("endSeconds", seconds());
        properties.put("text", text("the words said, verbatim"));
        return properties;
    }

    private static Schema object(Map<String, Schema> properties, List<String> order) {
        return Schema.builder().type(Type.Known.OBJECT).properties(properties).required(order).propertyOrdering(order)
                .build();
    }

    private static Schema array(Schema items, String description) {
        return Schema.builder().type(Type.Known.ARRAY).items(items).description(description).build();
    }

    private static Schema seconds() {
        return Schema.builder().type(Type.Known.NUMBER).minimum(0.0).description("seconds from the start of the file")
                .build();
    }

    private static Schema judgement(String description) {
        return Schema.builder().type(Type.Known.NUMBER).minimum(0.0).maximum(1.0).description(description + ", 0–1")
                .build();
    }

    private static Schema text(String description) {
        return Schema.builder().type(Type.Known.STRING).description(description).build();
    }
}
