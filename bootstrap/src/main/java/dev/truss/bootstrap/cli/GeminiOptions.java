package dev.truss.bootstrap.cli;

import dev.truss.adapters.gemini.GeminiSettings;
import dev.truss.bootstrap.serve.ServeSettings;
import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * How a command talks to Gemini, shared by {@code serve} and {@code clip}: the model, another
 * endpoint, and what an analysis may cost. The key itself comes from {@code TRUSS_GEMINI_KEY} only.
 */
final class GeminiOptions {

    @Option(names = "--gemini-model", paramLabel = "MODEL", defaultValue = "${env:TRUSS_GEMINI_MODEL:-gemini-2.5-flash}",
            description = "the Gemini model that finds moments when TRUSS_GEMINI_KEY is set; without a key the local "
                    + "detector runs (env TRUSS_GEMINI_MODEL; default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--gemini-endpoint", paramLabel = "URL", defaultValue = "${env:TRUSS_GEMINI_ENDPOINT}",
            description = "a Gemini-compatible endpoint instead of Google's (env TRUSS_GEMINI_ENDPOINT)")
    Optional<URI> endpoint;

    @Option(names = "--gemini-media-resolution", paramLabel = "LOW|MEDIUM|HIGH",
            defaultValue = "${env:TRUSS_GEMINI_MEDIA_RESOLUTION:-LOW}",
            description = "what each video frame Gemini looks at costs: LOW is a quarter of the tokens of MEDIUM or"
                    + " HIGH (env TRUSS_GEMINI_MEDIA_RESOLUTION; default: ${DEFAULT-VALUE})")
    GeminiSettings.MediaResolution mediaResolution;

    @Option(names = "--gemini-thinking-budget", paramLabel = "TOKENS", defaultValue = "${env:TRUSS_GEMINI_THINKING_BUDGET}",
            description = "the most tokens the model may think before answering, 0 for none on models that allow it"
                    + " (env TRUSS_GEMINI_THINKING_BUDGET; default: the model's own)")
    Optional<Integer> thinkingBudget;

    /** Gemini, when the environment holds a key; checked now, so a bad setting stops the command at once. */
    Optional<ServeSettings.Gemini> fromEnvironment(UnaryOperator<String> environment) {
        Optional<ServeSettings.Gemini> gemini = Optional.ofNullable(environment.apply("TRUSS_GEMINI_KEY"))
                .filter(key -> !key.isBlank())
                .map(key -> new ServeSettings.Gemini(key, model, endpoint, mediaResolution, thinkingBudget));
        gemini.ifPresent(ServeSettings.Gemini::adapterSettings);
        return gemini;
    }
}
