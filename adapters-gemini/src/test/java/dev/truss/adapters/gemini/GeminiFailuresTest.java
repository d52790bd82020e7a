package dev.truss.adapters.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.gemini.GeminiStandIn.Answer;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.application.port.media.MomentDetector.ModelUsage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything between asking and a usable answer that can go wrong: rate limits and server errors
 * (retried, honouring Retry-After), refusals (not retried), uploads that stay PROCESSING or fail,
 * requests that time out, the overall deadline, a video that cannot be cut. Each ends in Gemini's
 * answer or in the local detector's, with a note saying what happened. No test sleeps: the
 * sleeper moves the bench's clock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeminiFailuresTest {

    private final Bench bench = new Bench();

    @AfterEach
    void close() {
        bench.close();
    }

    static Stream<Arguments> serverAskedWaits() {
        String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.parse("2026-11-27T08:00:12Z").atOffset(ZoneOffset.UTC));
        return Stream.of(
                Arguments.of(Answer.tooManyRequests("7"), Duration.ofSeconds(7)),
                Arguments.of(Answer.tooManyRequests(inTwelveSeconds), Duration.ofSeconds(12)),
                Arguments.of(Answer.tooManyRequestsWithRetryInfo("3.5s"), Duration.ofMillis(3_500)));
    }

    @ParameterizedTest
    @MethodSource("serverAskedWaits")
    void a_429_is_tried_again_after_the_wait_the_server_asked_for(Answer tooMany, Duration asked) {
        bench.gemini.fileStates("ACTIVE").answer(tooMany, Answer.text(AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.slept).containsExactly(asked);
        assertThat(detection.moments()).hasSize(3);
        assertThat(detection.notes()).hasSize(2);
        assertThat(detection.notes().get(1)).startsWith("gemini: generateContent for the video was answered 429"
                + " RESOURCE_EXHAUSTED (").endsWith("; tried again after " + GeminiApi.human(asked)
                + " as the server asked");
        assertThat(bench.gemini.generateContentRequests()).hasSize(2);
        assertThat(detection.usage()).contains(new ModelUsage("gemini-2.5-flash", 1000, 200, 1));
    }

    @Test
    void a_5xx_without_retry_after_is_tried_again_after_an_exponential_backoff() {
        bench.gemini.fileStates("ACTIVE").answer(
                Answer.error(500, "INTERNAL", "An internal error has occurred."),
                Answer.error(503, "UNAVAILABLE", "The model is overloaded. Please try again later."),
                Answer.text(AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(detection.moments()).hasSize(3);
        assertThat(detection.notes()).containsExactly(
                "gemini: gemini-2.5-flash (API v1beta, prompt moments-v1) watched the video in one part: 3 moments,"
                        + " 2 chapters, 3 transcript segments",
                "gemini: generateContent for the video was answered 500 INTERNAL (An internal error has occurred.);"
                        + " tried again after 1 s",
                "gemini: generateContent for the video was answered 503 UNAVAILABLE (The model is overloaded. Please"
                        + " try again later.); tried again after 2 s");
    }

    @Test
    void errors_through_every_attempt_fall_back_and_the_sdk_does_not_retry_on_its_own() {
        bench.gemini.fileStates("ACTIVE").answerByDefault(Answer.error(503, "UNAVAILABLE", "The model is overloaded."));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        // 3 attempts configured: 3 requests reach the server, not 3 times the SDK's default of 5.
        assertThat(bench.gemini.generateContentRequests()).hasSize(3);
        assertThat(bench.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(detection.notes()).contains("gemini: fell back to the local detector: generateContent for the"
                + " video was answered 503 UNAVAILABLE (The model is overloaded.), 3 times in a row");
        assertThat(detection.notes().get(detection.notes().size() - 1)).startsWith("local detector: ");
        assertThat(detection.usage()).isEmpty();
        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
    }

    @Test
    void the_sdk_neither_retries_nor_waits_on_its_own_between_our_attempts() {
        bench.gemini.fileStates("ACTIVE").answerByDefault(Answer.error(503, "UNAVAILABLE", "The model is overloaded."));

        bench.detector(settings -> settings.withRetries(new GeminiSettings.Retries(10, Duration.ofSeconds(1),
                Duration.ofSeconds(1)))).detect(bench.lively(), percent -> { });

        // google-genai 2.0.0 sleeps about a second after its last attempt even when told to make only one:
        // nine such sleeps would take seconds. Ours only move the bench's clock.
        List<GeminiStandIn.Recorded> asked = bench.gemini.generateContentRequests();
        assertThat(asked).hasSize(10);
        assertThat(Duration.ofNanos(asked.get(9).receivedNanos() - asked.get(0).receivedNanos()))
                .isLessThan(Duration.ofMillis(1_500));
        assertThat(bench.slept).hasSize(9);
    }

    @Test
    void a_wait_that_would_pass_the_overall_deadline_is_not_waited_the_local_detector_answers_at_once() {
        bench.gemini.fileStates("ACTIVE").answer(Answer.tooManyRequests("120"));

        Detection detection = bench.detector(settings -> settings.withOverallDeadline(Duration.ofSeconds(90)))
                .detect(bench.lively(), percent -> { });

        assertThat(bench.slept).isEmpty();
        assertThat(detection.notes()).first().asString().startsWith("gemini: fell back to the local detector:"
                + " generateContent for the video was answered 429 RESOURCE_EXHAUSTED (").endsWith(", and waiting"
                + " 2 min to try again would pass the overall deadline of 90 s");
    }

    @Test
    void backing_off_stops_when_the_next_wait_would_pass_the_overall_deadline() {
        bench.gemini.fileStates("ACTIVE").answerByDefault(Answer.error(502, "BAD_GATEWAY", ""));

        Detection detection = bench.detector(settings -> settings
                .withRetries(new GeminiSettings.Retries(10, Duration.ofSeconds(4), Duration.ofSeconds(8)))
                .withOverallDeadline(Duration.ofSeconds(20))).detect(bench.lively(), percent -> { });

        assertThat(bench.slept).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(bench.gemini.generateContentRequests()).hasSize(3);
        assertThat(detection.notes()).contains("gemini: fell back to the local detector: generateContent for the"
                + " video was answered 502 BAD_GATEWAY, and waiting 8 s to try again would pass the overall deadline"
                + " of 20 s");
    }

    @Test
    void the_overall_deadline_also_bounds_the_wait_for_an_upload_to_be_processed() {
        bench.gemini.fileStates("PROCESSING");

        Detection detection = bench.detector(settings -> settings.withOverallDeadline(Duration.ofSeconds(30))
                        .withFileActiveWait(Duration.ofMinutes(10), Duration.ofSeconds(10)))
                .detect(bench.lively(), percent -> { });

        assertThat(bench.slept).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(detection.notes()).contains("gemini: fell back to the local detector: the overall deadline of 30 s"
                + " passed before the upload of the video became ACTIVE (it was PROCESSING)");
        assertThat(bench.gemini.generateContentRequests()).isEmpty();
        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
    }

    @Test
    void a_file_stuck_in_processing_is_polled_until_it_is_active() {
        bench.gemini.fileStates("PROCESSING", "PROCESSING", "PROCESSING", "ACTIVE")
                .answer(Answer.text(AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.gemini.requests("GET", "/v1beta/files/file-1")).hasSize(3);
        assertThat(bench.slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(detection.moments()).hasSize(3);
        assertThat(detection.notes()).hasSize(1);
    }

    @Test
    void a_file_still_processing_after_the_file_active_timeout_falls_back() {
        bench.gemini.fileStates("PROCESSING");

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.slept).hasSize(24).allMatch(Duration.ofSeconds(5)::equals);
        assertThat(bench.gemini.requests("GET", "/v1beta/files/file-1")).hasSize(24);
        assertThat(detection.notes()).contains("gemini: fell back to the local detector: the upload of the video was still"
                + " PROCESSING after 2 min (the file ACTIVE timeout)");
        assertThat(bench.gemini.generateContentRequests()).isEmpty();
    }

    @Test
    void a_failed_file_falls_back_with_the_reason_gemini_gave() {
        bench.gemini.fileStates("PROCESSING", "FAILED").failureMessage("Video codec is not supported.");

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.notes()).contains("gemini: fell back to the local detector: Gemini could not process the"
                + " upload of the video (state FAILED: Video codec is not supported.)");
        assertThat(bench.gemini.generateContentRequests()).isEmpty();
        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
        assertThat(detection.moments()).isNotEmpty();
    }

    @Test
    void a_request_that_times_out_falls_back_without_waiting_for_the_answer() {
        bench.gemini.fileStates("ACTIVE").answer(Answer.text(AnswerJson.goodFor120Seconds()).after(Duration.ofSeconds(5)));
        long started = System.nanoTime();

        Detection detection = bench.detector(settings -> settings.withRequestTimeout(Duration.ofMillis(300)))
                .detect(bench.lively(), percent -> { });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(detection.notes()).contains("gemini: fell back to the local detector: generateContent for the video"
                + " got no answer within 300 ms (the request timeout)");
        assertThat(bench.gemini.generateContentRequests()).hasSize(1);
        assertThat(bench.gemini.generateContentRequests().get(0).header("x-server-timeout")).isEqualTo("1");
        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
        assertThat(detection.usage()).isEmpty();
    }

    @Test
    void a_key_gemini_refuses_falls_back_at_once_and_never_shows_the_key() {
        String wrongKey = "AIzaSy-wrong-key-9876543210";

        Detection detection = bench.detector(settings -> new GeminiSettings(wrongKey, settings.model(),
                settings.apiVersion(), settings.baseUrl(), settings.promptVersion(), settings.fileActiveTimeout(),
                settings.filePollInterval(), settings.requestTimeout(), settings.overallDeadline(), settings.retries(),
                settings.maxPartLength(), settings.partOverlap(), settings.mediaResolution(), settings.thinkingBudget()))
                .detect(bench.lively(), percent -> { });

        assertThat(bench.gemini.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("x-goog-api-key")).isEqualTo(wrongKey));
        assertThat(bench.slept).isEmpty();
        assertThat(detection.notes()).first().asString().isEqualTo("gemini: fell back to the local detector: the"
                + " upload of the video was answered 400 INVALID_ARGUMENT (API key not valid. Please pass a valid API"
                + " key.); check the Gemini API key");
        assertThat(String.join("\n", detection.notes())).doesNotContain(wrongKey);
        assertThat(bench.logged).isNotEmpty().noneMatch(line -> line.contains(wrongKey));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Answer.error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."),
                        "401 UNAUTHENTICATED (Request had invalid authentication credentials.); check the Gemini API key"),
                Arguments.of(Answer.error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers."),
                        "403 PERMISSION_DENIED (Method doesn't allow unregistered callers.); check the Gemini API key"),
                Arguments.of(Answer.error(404, "NOT_FOUND", "models/gemini-0 is not found for API version v1beta."),
                        "404 NOT_FOUND (models/gemini-0 is not found for API version v1beta.)"),
                Arguments.of(Answer.error(400, "FAILED_PRECONDITION", "User location is not supported for the API use."),
                        "400 FAILED_PRECONDITION (User location is not supported for the API use.)"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void a_refusal_is_not_tried_again_the_local_detector_answers(Answer refusal, String said) {
        bench.gemini.fileStates("ACTIVE").answer(refusal);

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.gemini.generateContentRequests()).hasSize(1);
        assertThat(bench.slept).isEmpty();
        assertThat(detection.notes()).first().asString().isEqualTo("gemini: fell back to the local detector:"
                + " generateContent for the video was answered " + said);
    }

    @Test
    void a_video_that_cannot_be_cut_falls_back_without_asking_gemini() {
        bench.parts.failNext(1);

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(bench.gemini.requests()).isEmpty();
        assertThat(detection.notes()).first().asString().isEqualTo("gemini: fell back to the local detector: the video"
                + " could not be cut into parts for Gemini: ffmpeg exited with 1: encoding failed (injected by the test)");
        assertThat(bench.parts.directories().get(0)).doesNotExist();
    }

    @Test
    void progress_still_moves_forward_to_100_when_the_local_detector_takes_over() {
        bench.gemini.fileStates("ACTIVE").answer(Answer.text("nope"), Answer.text("nope"));
        List<Integer> reported = new ArrayList<>();

        bench.detector().detect(bench.lively(), reported::add);

        assertThat(reported).startsWith(0).endsWith(100).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void an_interrupted_detection_is_cancelled_not_answered_and_still_cleans_up() {
        bench.gemini.fileStates("PROCESSING");
        AtomicReference<Thread> detecting = new AtomicReference<>();
        GeminiMomentDetector detector = new GeminiMomentDetector(bench.settings(), bench.parts, bench.local,
                bench.clock, duration -> {
                    throw new InterruptedException("the job was cancelled");
                });
        MomentDetector.Request request = bench.lively();

        try {
            assertThatThrownBy(() -> {
                detecting.set(Thread.currentThread());
                detector.detect(request, percent -> { });
            }).isInstanceOf(CancellationException.class);
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            detector.close();
        }
        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
        assertThat(bench.parts.directories().get(0)).doesNotExist();
        assertThat(bench.local.attempts()).isZero();
    }
}
