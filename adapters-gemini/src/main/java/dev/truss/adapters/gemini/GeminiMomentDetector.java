package dev.truss.adapters.gemini;

import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.File;
import com.google.genai.types.FileState;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.MediaResolution;
import com.google.genai.types.ThinkingConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.Part;
import dev.truss.application.port.media.MediaException;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.VideoParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a video's moments, chapters and timed transcript with Google Gemini, and hands the video
 * to the local detector whenever Gemini cannot answer usefully, saying why in the notes.
 *
 * <p>Per detection: the video is planned into parts ({@link PartPlan}: one when it fits in
 * {@link GeminiSettings#maxPartLength()}, else overlapping parts); {@link VideoParts} cuts a
 * low-resolution file of each into a temporary directory; each file is uploaded through the Files
 * API (resumable), awaited until {@code ACTIVE} ({@code FAILED}, or still processing after
 * {@link GeminiSettings#fileActiveTimeout()}, gives up), then asked about in one
 * {@code generateContent} with the prompt ({@link MomentsPrompt}) and a JSON response schema
 * ({@link AnswerSchema}). The answer is read strictly ({@link ModelAnswer}) and repaired onto the
 * video's timeline ({@link Repairs}), every repair noted. An unusable answer (not the JSON asked
 * for, empty, blocked) is asked for once more, then given up. The uploaded files and the temporary
 * directory are deleted afterwards, whatever happened.
 *
 * <p>Gemini is given up, and the fallback detector answers, when: an answer was unusable twice; a
 * request was refused (a wrong key, an unknown model); 429 or 5xx persisted through the retries;
 * a request timed out; the overall deadline passed; the video could not be cut; anything else
 * failed. Only interruption (a cancelled job) and the fallback's own failure propagate.
 *
 * <p>It does not score: the model's judgements (hook strength, emotional intensity) travel in each
 * {@link Moment} and become signals next to the media's in the domain's scorer, so every score
 * lists its contributions whichever detector ran. Token usage is summed over every answered
 * request, also when the fallback answered in the end. Thread-safe; {@link #close()} releases the
 * HTTP client.
 */
public final class GeminiMomentDetector implements MomentDetector, AutoCloseable {

    /** Waits between retries and polls; tests pass one that moves a clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(GeminiMomentDetector.class.getName());
    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(10);

    private final GeminiSettings settings;
    private final VideoParts parts;
    private final MomentDetector fallback;
    private final Clock clock;
    private final Sleeper sleeper;
    private final MomentsPrompt prompt;
    private final GeminiApi api;

    /** On the system clock, sleeping for real. */
    public GeminiMomentDetector(GeminiSettings settings, VideoParts parts, MomentDetector fallback) {
        this(settings, parts, fallback, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * @param settings the key, model, prompt version, deadlines, retries and part lengths
     * @param parts    cuts the low-resolution parts that are uploaded
     * @param fallback answers when Gemini cannot (the local detector)
     * @param clock    measures the deadlines
     * @param sleeper  waits between retries and while an upload is processed
     * @throws IllegalArgumentException when the prompt version names no usable resource
     */
    public GeminiMomentDetector(GeminiSettings settings, VideoParts parts, MomentDetector fallback, Clock clock,
                                Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.prompt = MomentsPrompt.load(settings.promptVersion());
        this.api = new GeminiApi(settings, clock, sleeper);
    }

    @Override
    public Detection detect(Request request, IntConsumer percentDone) {
        Objects.requireNonNull(request, "request");
        Progress progress = new Progress(Objects.requireNonNull(percentDone, "percentDone"));
        progress.report(0);
        Notes notes = new Notes(settings.apiKey());
        Usage usage = new Usage();
        try {
            return withGemini(request, progress, notes, usage);
        } catch (GeminiUnavailable e) {
            return fallBack(request, e.getMessage(), e, progress, notes, usage);
        } catch (MediaException e) {
            return fallBack(request, "the video could not be cut into parts for Gemini: " + e.getMessage(), e,
                    progress, notes, usage);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return fallBack(request, "Gemini's part failed unexpectedly (" + e + ")", e, progress, notes, usage);
        }
    }

    @Override
    public void close() {
        api.close();
    }

    private Detection withGemini(Request request, Progress progress, Notes notes, Usage usage) {
        long durationMs = request.timeline().durationMs();
        PartPlan plan = PartPlan.of(durationMs, settings.maxPartLength().toMillis(), settings.partOverlap().toMillis());
        GeminiApi.Deadline deadline = GeminiApi.Deadline.after(settings.overallDeadline(), clock);
        Repairs repairs = new Repairs(notes);
        List<String> uploaded = new ArrayList<>();
        Path directory = null;
        try {
            directory = Files.createTempDirectory("truss-gemini-");
            List<VideoParts.Part> cut = parts.cut(request.source(), plan.ranges(), directory, progress.span(0, 10));
            if (cut.size() != plan.parts().size()) {
                throw new IllegalStateException("asked for " + plan.parts().size() + " parts, got " + cut.size());
            }
            List<Repairs.PartResult> results = new ArrayList<>();
            int count = plan.parts().size();
            for (int i = 0; i < count; i++) {
                IntConsumer partProgress = progress.span(10 + 85 * i / count, 10 + 85 * (i + 1) / count);
                results.add(detectPart(plan.parts().get(i), cut.get(i).file(), durationMs, deadline, repairs,
                        partProgress, notes, usage, uploaded));
            }
            Repairs.Merged merged = repairs.merge(results, durationMs);
            List<String> all = new ArrayList<>();
            all.add(Notes.PREFIX + summary(plan, merged));
            all.addAll(notes.all());
            progress.report(100);
            return new Detection(merged.moments(), merged.chapters(), merged.transcript(), all,
                    Optional.of(usage.of(settings.model())));
        } catch (IOException e) {
            throw new GeminiUnavailable("no temporary directory for the parts (" + e.getMessage() + ")", e);
        } finally {
            cleanUp(uploaded, directory);
        }
    }

    private Repairs.PartResult detectPart(PartPlan.Planned part, Path file, long durationMs,
                                          GeminiApi.Deadline deadline, Repairs repairs, IntConsumer progress,
                                          Notes notes, Usage usage, List<String> uploaded) {
        String label = part.label();
        File upload = api.upload(file, label, deadline, notes);
        String name = upload.name().orElseThrow(() -> new GeminiUnavailable("Gemini named no file for the upload of "
                + label));
        uploaded.add(name);
        progress.accept(30);
        File active = awaitActive(upload, name, label, deadline, notes);
        progress.accept(40);
        String uri = active.uri().or(upload::uri).orElseThrow(() -> new GeminiUnavailable(
                "Gemini gave no URI for the upload of " + label));
        Content content = Content.builder().role("user")
                .parts(Part.fromUri(uri, GeminiApi.MIME_TYPE), Part.fromText(prompt.forPart(part, durationMs)))
                .build();
        GenerateContentConfig.Builder asked = GenerateContentConfig.builder()
                .responseMimeType(AnswerSchema.MIME_TYPE)
                .responseSchema(AnswerSchema.answer())
                .mediaResolution(switch (settings.mediaResolution()) {
                    case LOW -> MediaResolution.Known.MEDIA_RESOLUTION_LOW;
                    case MEDIUM -> MediaResolution.Known.MEDIA_RESOLUTION_MEDIUM;
                    case HIGH -> MediaResolution.Known.MEDIA_RESOLUTION_HIGH;
                });
        settings.thinkingBudget().ifPresent(budget -> asked.thinkingConfig(ThinkingConfig.builder().thinkingBudget(budget)));
        GenerateContentConfig config = asked.build();
        for (int ask = 1; ; ask++) {
            GenerateContentResponse response = api.generate(content, config, label, deadline, notes);
            usage.add(response);
            try {
                ModelAnswer.Parsed parsed = ModelAnswer.parse(answerText(response));
                progress.accept(100);
                return repairs.onTimeline(parsed, part, durationMs);
            } catch (ModelAnswer.Unparseable e) {
                String why = "the answer for " + label + " was " + e.getMessage();
                if (ask == 2) {
                    throw new GeminiUnavailable(why + ", twice");
                }
                notes.add(why + "; asked again");
                progress.accept(70);
            }
        }
    }

    /** Polls until the upload is ACTIVE; FAILED, or still processing after the timeout, gives Gemini up. */
    private File awaitActive(File upload, String name, String label, GeminiApi.Deadline deadline, Notes notes) {
        Instant giveUp = clock.instant().plus(settings.fileActiveTimeout());
        File current = upload;
        while (true) {
            FileState.Known state = current.state().map(FileState::knownEnum).orElse(FileState.Known.STATE_UNSPECIFIED);
            if (state == FileState.Known.ACTIVE) {
                return current;
            }
            if (state == FileState.Known.FAILED) {
                String error = current.error().flatMap(status -> status.message()).map(message -> ": " + message)
                        .orElse("");
                throw new GeminiUnavailable("Gemini could not process the upload of " + label + " (state FAILED"
                        + error + ")");
            }
            Instant now = clock.instant();
            if (!now.isBefore(giveUp)) {
                throw new GeminiUnavailable("the upload of " + label + " was still " + stateName(current)
                        + " after " + GeminiApi.human(settings.fileActiveTimeout()) + " (the file ACTIVE timeout)");
            }
            Duration wait = shorter(settings.filePollInterval(), Duration.between(now, giveUp));
            if (wait.compareTo(deadline.remaining()) >= 0) {
                throw new GeminiUnavailable(deadline.passed("the upload of " + label + " became ACTIVE (it was "
                        + stateName(current) + ")"));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancellationException cancelled = new CancellationException("the Gemini detection was interrupted");
                cancelled.initCause(e);
                throw cancelled;
            }
            current = api.get(name, label, deadline, notes);
        }
    }

    /**
     * The answer's text, or {@link ModelAnswer.Unparseable} saying why there is none: no candidate
     * (the prompt was blocked), a candidate stopped for safety or another reason than finishing,
     * or no text. Thoughts are left out.
     */
    private static String answerText(GenerateContentResponse response) throws ModelAnswer.Unparseable {
        List<Candidate> candidates = response.candidates().orElse(List.of());
        if (candidates.isEmpty()) {
            String reason = response.promptFeedback().flatMap(feedback -> feedback.blockReason())
                    .map(blocked -> " (the prompt was blocked: " + blocked + ")").orElse("");
            throw new ModelAnswer.Unparseable("empty: no candidate" + reason);
        }
        Candidate candidate = candidates.get(0);
        Optional<FinishReason.Known> finish = candidate.finishReason().map(FinishReason::knownEnum);
        boolean finished = finish.isEmpty() || finish.get() == FinishReason.Known.STOP
                || finish.get() == FinishReason.Known.MAX_TOKENS
                || finish.get() == FinishReason.Known.FINISH_REASON_UNSPECIFIED;
        if (!finished) {
            throw new ModelAnswer.Unparseable("stopped by the model (finish reason " + candidate.finishReason().get()
                    + ")");
        }
        String text = candidate.content().flatMap(Content::parts).orElse(List.of()).stream()
                .filter(part -> !part.thought().orElse(false))
                .map(part -> part.text().orElse(""))
                .collect(Collectors.joining());
        if (text.isBlank()) {
            throw new ModelAnswer.Unparseable("empty: a candidate without text" + finish.map(reason -> " (finish reason "
                    + candidate.finishReason().get() + ")").orElse(""));
        }
        if (finish.isPresent() && finish.get() == FinishReason.Known.MAX_TOKENS) {
            try {
                ModelAnswer.parse(text);
            } catch (ModelAnswer.Unparseable e) {
                throw new ModelAnswer.Unparseable(e.getMessage() + ", cut off at the output token limit");
            }
        }
        return text;
    }

    private Detection fallBack(Request request, String why, Exception cause, Progress progress, Notes notes,
                               Usage usage) {
        notes.add("fell back to the local detector: " + why);
        LOG.log(Level.WARNING, notes.redact("Gemini gave up, the local detector answers: " + why));
        LOG.log(Level.FINE, notes.redact(String.valueOf(cause)));
        Detection local = fallback.detect(request, progress.span(progress.last(), 100));
        progress.report(100);
        List<String> all = new ArrayList<>(notes.all());
        all.addAll(local.notes());
        Optional<ModelUsage> spent = usage.requests() > 0 ? Optional.of(usage.of(settings.model())) : local.usage();
        // Named after the detector that proposed the moments (the local one), whatever tokens were spent.
        return new Detection(local.moments(), local.chapters(), local.transcript(), all, spent, local.detector());
    }

    /** Deletes the uploads (best effort: they expire after 48 h anyway) and the parts, even when interrupted. */
    private void cleanUp(List<String> uploaded, Path directory) {
        boolean interrupted = Thread.interrupted();
        try {
            for (String name : uploaded) {
                if (!api.delete(name, DELETE_TIMEOUT)) {
                    LOG.log(Level.INFO, "could not delete the uploaded Gemini file " + name
                            + "; it expires by itself after 48 hours");
                }
            }
            if (directory != null) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not delete the Gemini work directory " + directory, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String summary(PartPlan plan, Repairs.Merged merged) {
        int count = plan.parts().size();
        String how = count == 1 ? "in one part"
                : "in " + count + " parts of up to " + MomentsPrompt.clock(plan.parts().get(0).range().durationMs())
                + " sharing " + GeminiApi.human(settings.partOverlap());
        return settings.model() + " (API " + settings.apiVersion() + ", prompt " + prompt.version() + ") watched the"
                + " video " + how + ": " + merged.moments().size() + " moments, " + merged.chapters().size()
                + " chapters, " + merged.transcript().size() + " transcript segments";
    }

    private static String stateName(File file) {
        return file.state().map(Object::toString).orElse("without a state");
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Tokens and answered requests of one detection. */
    private static final class Usage {
        private long input;
        private long output;
        private int requests;

        void add(GenerateContentResponse response) {
            requests++;
            response.usageMetadata().ifPresent((GenerateContentResponseUsageMetadata metadata) -> {
                input += metadata.promptTokenCount().orElse(0) + metadata.toolUsePromptTokenCount().orElse(0);
                output += metadata.candidatesTokenCount().orElse(0) + metadata.thoughtsTokenCount().orElse(0);
            });
        }

        int requests() {
            return requests;
        }

        ModelUsage of(String model) {
            return new ModelUsage(model, input, output, requests);
        }
    }
}
