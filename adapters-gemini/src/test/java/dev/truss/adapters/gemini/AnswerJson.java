package dev.truss.adapters.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the JSON the model answers with, as the response schema asks: moments, chapters, transcript. */
public final class AnswerJson {

    private final ObjectNode root = GeminiStandIn.JSON.createObjectNode();
    private final ArrayNode moments = root.putArray("moments");
    private final ArrayNode chapters = root.putArray("chapters");
    private final ArrayNode transcript = root.putArray("transcript");

    public static AnswerJson answer() {
        return new AnswerJson();
    }

    /** A good answer for a 120 s video: three moments, two chapters, three transcript segments. */
    public static String goodFor120Seconds() {
        return answer()
                .moment(10, 40, "The reveal", 0.9, 0.7)
                .moment(45, 75, "The crowd goes wild", 0.6, 0.95)
                .moment(80, 110, "A quiet ending", 0.3, 0.4)
                .chapter(0, "Setting up", "Where the story starts.")
                .chapter(60, "The payoff", "Where it all comes together.")
                .segment(0, 4.5, "Hello and welcome back.")
                .segment(4.5, 9, "Today we try something new.")
                .segment(10, 14, "And here it is!")
                .json();
    }

    public AnswerJson moment(double start, double end, String title, double hookStrength, double emotionalIntensity) {
        ObjectNode moment = moments.addObject();
        moment.put("startSeconds", start);
        moment.put("endSeconds", end);
        moment.put("title", title);
        moment.put("hookLine", "Hook: " + title);
        moment.put("caption", title + " #shorts");
        moment.put("hookStrength", hookStrength);
        moment.put("emotionalIntensity", emotionalIntensity);
        moment.put("reason", "Because " + title.toLowerCase(java.util.Locale.ROOT) + ".");
        return this;
    }

    /** A moment object as given, for answers the schema would not allow. */
    public AnswerJson rawMoment(String json) {
        moments.add(GeminiStandIn.parse(json));
        return this;
    }

    public AnswerJson chapter(double start, String title, String summary) {
        ObjectNode chapter = chapters.addObject();
        chapter.put("startSeconds", start);
        chapter.put("title", title);
        chapter.put("summary", summary);
        return this;
    }

    public AnswerJson segment(double start, double end, String text) {
        ObjectNode segment = transcript.addObject();
        segment.put("startSeconds", start);
        segment.put("endSeconds", end);
        segment.put("text", text);
        return this;
    }

    public String json() {
        return root.toString();
    }
}
