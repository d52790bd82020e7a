package dev.truss.adapters.gemini;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes of one detection, shown with the job: what happened, each prefixed {@value #PREFIX}.
 * Repairs are many when a model goes astray, so only the first {@value #MAX_REPAIRS} are written
 * out and the rest counted in one closing note. The API key is never in a note: every text passes
 * through {@link #redact} first.
 */
final class Notes {

    static final String PREFIX = "gemini: ";
    static final int MAX_REPAIRS = 20;

    private final String apiKey;
    private final List<String> notes = new ArrayList<>();
    private int repairs;

    Notes(String apiKey) {
        this.apiKey = apiKey;
    }

    void add(String note) {
        notes.add(PREFIX + redact(note));
    }

    void repair(String note) {
        repairs++;
        if (repairs <= MAX_REPAIRS) {
            add(note);
        }
    }

    int repairs() {
        return repairs;
    }

    List<String> all() {
        List<String> all = new ArrayList<>(notes);
        if (repairs > MAX_REPAIRS) {
            all.add(PREFIX + (repairs - MAX_REPAIRS) + " more repairs of the model's answer not listed");
        }
        return all;
    }

    String redact(String text) {
        return text == null ? "" : text.replace(apiKey, "(API key)");
    }
}
