package dev.truss.adapters.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.adapters.gemini.GeminiStandIn.Answer;
import dev.truss.application.fake.InMemoryMedia;
import dev.truss.application.fake.FakeVideoParts;
import dev.truss.application.port.media.MomentDetector;
import dev.truss.application.port.media.MomentDetector.Detection;
import dev.truss.application.port.media.MomentDetector.ModelUsage;
import dev.truss.application.port.media.MomentDetector.Moment;
import dev.truss.domain.asset.Chapter;
import dev.truss.domain.asset.TranscriptSegment;
import dev.truss.domain.time.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The model's answer is never trusted as is: unusable answers, repairs, and parts merged. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeminiAnswersTest {

    private final Bench bench = new Bench();

    @AfterEach
    void close() {
        bench.close();
    }

    static Stream<Arguments> unusableAnswers() {
        String good = AnswerJson.goodFor120Seconds();
        return Stream.of(
                Arguments.of(Answer.text("{\"moments\": ["), "was not valid JSON (Unexpected end-of-input"),
                Arguments.of(Answer.text("Sure! Here are the best moments: " + good), "was not valid JSON"),
                Arguments.of(Answer.text("```json\n" + good + "\n```"), "was not valid JSON"),
                Arguments.of(Answer.text(good + " {}"), "was not valid JSON (Trailing token"),
                Arguments.of(Answer.text("{\"moments\": [], \"moments\": [], \"chapters\": [], \"transcript\": []}"),
                        "was not valid JSON (Duplicate field 'moments'"),
                Arguments.of(Answer.text("[]"), "was JSON of the wrong kind (array, not the object asked for)"),
                Arguments.of(Answer.text("{\"chapters\": [], \"transcript\": []}"), "was JSON without the 'moments' list"),
                Arguments.of(Answer.text("{\"moments\": {}, \"chapters\": [], \"transcript\": []}"),
                        "was JSON whose 'moments' is not a list but object"),
                Arguments.of(Answer.blockedPrompt("SAFETY"), "was empty: no candidate (the prompt was blocked: SAFETY)"),
                Arguments.of(Answer.raw("{\"candidates\": []}"), "was empty: no candidate"),
                Arguments.of(Answer.stopped("SAFETY"), "was stopped by the model (finish reason SAFETY)"),
                Arguments.of(Answer.stopped("RECITATION"), "was stopped by the model (finish reason RECITATION)"),
                Arguments.of(Answer.raw("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]},"
                        + "\"finishReason\":\"STOP\"}]}"), "was empty: a candidate without text (finish reason STOP)"),
                Arguments.of(Answer.raw("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"{\\\"moments\\\": [\"}]},"
                        + "\"finishReason\":\"MAX_TOKENS\"}]}"), ", cut off at the output token limit"));
    }

    @ParameterizedTest
    @MethodSource("unusableAnswers")
    void an_unusable_answer_is_asked_for_again_and_the_second_answer_is_used(Answer unusable, String why) {
        bench.gemini.answer(unusable, Answer.text(AnswerJson.goodFor120Seconds()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).extracting(Moment::title)
                .containsExactly("The reveal", "The crowd goes wild", "A quiet ending");
        assertThat(detection.notes()).hasSize(2);
        assertThat(detection.notes().get(1)).startsWith("gemini: the answer for the video ").contains(why)
                .endsWith("; asked again");
        assertThat(bench.gemini.generateContentRequests()).hasSize(2);
        assertThat(bench.gemini.generateContentRequests().get(1).text())
                .isEqualTo(bench.gemini.generateContentRequests().get(0).text());
        assertThat(detection.usage()).map(ModelUsage::requests).contains(2);
    }

    @Test
    void an_unusable_answer_twice_falls_back_to_the_local_detector_and_says_why_in_the_notes() {
        bench.gemini.answer(Answer.text("{\"moments\": ["), Answer.blockedPrompt("SAFETY"));
        MomentDetector.Request request = bench.lively();

        Detection detection = bench.detector().detect(request, percent -> { });

        Detection local = bench.local.detect(request, percent -> { });
        assertThat(detection.moments()).isEqualTo(local.moments());
        assertThat(detection.chapters()).isEqualTo(local.chapters());
        assertThat(detection.transcript()).isEmpty();
        assertThat(detection.notes()).hasSize(3);
        assertThat(detection.notes().get(0)).startsWith("gemini: the answer for the video was not valid JSON")
                .endsWith("; asked again");
        assertThat(detection.notes().get(1)).isEqualTo("gemini: fell back to the local detector: the answer for the"
                + " video was empty: no candidate (the prompt was blocked: SAFETY), twice");
        assertThat(detection.notes().get(2)).startsWith("local detector: ");
        assertThat(detection.usage()).contains(new ModelUsage("gemini-2.5-flash", 2000, 200, 2));
        assertThat(detection.detector()).as("the moments are the local detector's").isEqualTo(MomentDetector.LOCAL);
        assertThat(bench.gemini.deleted()).containsExactly("files/file-1");
    }

    @Test
    void times_outside_the_video_reversed_or_overlapping_ranges_and_judgements_out_of_range_are_repaired_or_dropped() {
        bench.gemini.answer(Answer.text(AnswerJson.answer()
                .moment(50, 20, "Backwards", 0.5, 0.5)
                .moment(100, 130, "Runs past the end", 0.8, 0.8)
                .moment(125, 140, "After the end", 0.9, 0.9)
                .moment(-5, 10, "Before the start", 0.4, 0.2)
                .moment(55, 80, "Too sure", 1.7, -0.2)
                .moment(22, 48, "Inside backwards", 0.2, 0.1)
                .moment(78, 104, "Partly overlapping", 0.3, 0.3)
                .moment(30, 30, "Instant", 0.5, 0.5)
                .rawMoment("{\"startSeconds\": 1, \"endSeconds\": 20}")
                .rawMoment("{\"startSeconds\": \"ten\", \"endSeconds\": 20, \"title\": \"Words for numbers\"}")
                .chapter(60, "Second", "")
                .chapter(5, "First", "")
                .chapter(60, "Second again", "")
                .chapter(130, "After the end", "")
                .segment(0, 5, "One")
                .segment(4, 8, "Two")
                .segment(8, 12, "Three")
                .segment(8, 10, "Three again")
                .segment(20, 10, "Reversed")
                .json()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).extracting(Moment::range, Moment::title).containsExactly(
                tuple(0, 10, "Before the start"),
                tuple(20, 50, "Backwards"),
                tuple(55, 80, "Too sure"),
                tuple(80, 100, "Partly overlapping"),
                tuple(100, 120, "Runs past the end"));
        Moment tooSure = detection.moments().get(2);
        assertThat(tooSure.hookStrength()).isEqualTo(OptionalDouble.of(1));
        assertThat(tooSure.emotionalIntensity()).isEqualTo(OptionalDouble.of(0));
        assertThat(detection.chapters()).containsExactly(
                new Chapter(new TimeRange(0, 60_000), "First", ""),
                new Chapter(new TimeRange(60_000, 120_000), "Second", ""));
        assertThat(detection.transcript()).containsExactly(
                new TranscriptSegment(new TimeRange(0, 4_000), "One"),
                new TranscriptSegment(new TimeRange(4_000, 8_000), "Two"),
                new TranscriptSegment(new TimeRange(8_000, 10_000), "Three again"),
                new TranscriptSegment(new TimeRange(10_000, 20_000), "Reversed"));
        assertThat(detection.notes()).first().asString().contains("5 moments, 2 chapters, 4 transcript segments");
        assertThat(detection.notes()).contains(
                "gemini: dropped moment 9: title is missing",
                "gemini: dropped moment 10: startSeconds is not a number",
                "gemini: moment 1 ('Backwards'): start and end were reversed (50.0–20.0 s); swapped",
                "gemini: moment 2 ('Runs past the end'): 100.0–130.0 s reaches outside 0.0–120.0 s; cut to 100.0–120.0 s",
                "gemini: dropped moment 3 ('After the end'): 125.0–140.0 s lies outside 0.0–120.0 s",
                "gemini: moment 4 ('Before the start'): -5.0–10.0 s reaches outside 0.0–120.0 s; cut to 0.0–10.0 s",
                "gemini: moment 5 ('Too sure'): hook strength 1.70 is outside 0–1; clamped to 1",
                "gemini: moment 5 ('Too sure'): emotional intensity -0.20 is outside 0–1; clamped to 0",
                "gemini: dropped moment 8 ('Instant'): it lasts nothing (30.0 s)",
                "gemini: dropped chapter 4 ('After the end'): it starts at 130.0 s, after 0.0–120.0 s",
                "gemini: transcript segment 5: start and end were reversed (20.0–10.0 s); swapped",
                "gemini: moment 'Partly overlapping' (78.0–104.0 s) trimmed to 78.0–100.0 s so it does not overlap"
                        + " 'Runs past the end'",
                "gemini: moment 'Partly overlapping' (78.0–104.0 s) trimmed to 80.0–100.0 s so it does not overlap"
                        + " 'Too sure'",
                "gemini: dropped moment 'Inside backwards' (22.0–48.0 s): it overlaps 'Backwards' (20.0–50.0 s),"
                        + " which the model judged at least as strong",
                "gemini: dropped chapter 'Second again': it starts where 'Second' does (60.0 s)",
                "gemini: chapter 'First' moved to start at 0 s instead of 5.0 s, so the chapters cover the video from"
                        + " its start",
                "gemini: transcript: 1 segments trimmed to end where the next starts and 1 dropped for starting with"
                        + " another, so none overlaps");
        assertThat(detection.notes()).hasSize(18);
        assertThat(detection.usage()).map(ModelUsage::requests).contains(1);
    }

    @Test
    void texts_longer_than_truss_keeps_are_cut_and_wrong_types_ignored_with_a_note() {
        String longTitle = "Ä".repeat(150);
        bench.gemini.answer(Answer.text(AnswerJson.answer()
                .moment(10, 40, longTitle, 0.5, 0.5)
                .rawMoment("{\"startSeconds\": 50, \"endSeconds\": 80, \"title\": \"Odd types\", \"hookStrength\":"
                        + " \"high\", \"caption\": 42}")
                .json()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).hasSize(2);
        assertThat(detection.moments().get(0).title()).hasSize(100).endsWith("Ä…");
        Moment odd = detection.moments().get(1);
        assertThat(odd.hookStrength()).isEmpty();
        assertThat(odd.caption()).isEmpty();
        assertThat(detection.notes()).contains(
                "gemini: moment 2: hookStrength is not a number; ignored",
                "gemini: moment 2: caption is not text; left empty",
                "gemini: moment 1 ('" + "Ä".repeat(39) + "…'): title of 150 characters cut to 100");
        assertThat(detection.chapters()).isEmpty();
        assertThat(detection.transcript()).isEmpty();
    }

    @Test
    void a_flood_of_repairs_is_noted_twenty_at_a_time() {
        AnswerJson answer = AnswerJson.answer();
        for (int i = 0; i < 30; i++) {
            answer.moment(200 + i, 230 + i, "Outside " + i, 0.5, 0.5);
        }
        bench.gemini.answer(Answer.text(answer.json()));

        Detection detection = bench.detector().detect(bench.lively(), percent -> { });

        assertThat(detection.moments()).isEmpty();
        assertThat(detection.notes()).hasSize(1 + 20 + 1);
        assertThat(detection.notes().get(21)).isEqualTo("gemini: 10 more repairs of the model's answer not listed");
    }

    @Test
    void a_long_video_goes_in_overlapping_parts_whose_answers_merge_onto_its_timeline_without_duplicates() {
        // 25 min in parts of at most 10 min sharing 60 s: 0–9:00, 8:00–17:00, 16:00–25:00; the seams at 8:30 and 16:30.
        MomentDetector.Request request = bench.request(InMemoryMedia.video(1_500_000).loud(500, 520));
        bench.gemini.answer(
                Answer.text(AnswerJson.answer()
                        .moment(100, 130, "Early", 0.5, 0.5)
                        .moment(500, 530, "On the seam", 0.6, 0.6)
                        .chapter(0, "Intro", "").chapter(300, "Middle one", "").chapter(505, "Seam chapter, part 1", "")
                        .segment(0, 5, "hello").segment(505, 512, "across the seam, part 1")
                        .json()),
                Answer.text(AnswerJson.answer()
                        .moment(20, 50, "On the seam again", 0.9, 0.9)
                        .moment(300, 330, "Middle", 0.7, 0.1)
                        .chapter(25, "Seam chapter, part 2", "").chapter(100, "Part two topic", "")
                        .segment(25, 32, "across the seam, part 2").segment(40, 45, "second part words")
                        .json()),
                Answer.text(AnswerJson.answer()
                        .moment(530, 545, "Too late", 0.5, 0.5)
                        .chapter(60, "Finale", "")
                        .segment(0, 5, "in the overlap").segment(40, 44, "last words")
                        .json()));

        Detection detection = bench.detector(settings -> settings.withParts(Duration.ofMinutes(10),
                Duration.ofSeconds(60))).detect(request, percent -> { });

        List<TimeRange> ranges = List.of(new TimeRange(0, 540_000), new TimeRange(480_000, 1_020_000),
                new TimeRange(960_000, 1_500_000));
        assertThat(bench.parts.cuts()).singleElement().satisfies(cut -> assertThat(cut.ranges()).isEqualTo(ranges));
        assertThat(detection.moments()).extracting(Moment::range, Moment::title).containsExactly(
                tuple(100, 130, "Early"),
                tuple(500, 530, "On the seam again"),
                tuple(780, 810, "Middle"),
                tuple(1490, 1500, "Too late"));
        assertThat(detection.chapters()).extracting(Chapter::range, Chapter::title).containsExactly(
                tuple(0, 300, "Intro"),
                tuple(300, 505, "Middle one"),
                tuple(505, 580, "Seam chapter, part 1"),
                tuple(580, 1020, "Part two topic"),
                tuple(1020, 1500, "Finale"));
        assertThat(detection.transcript()).extracting(TranscriptSegment::range, TranscriptSegment::text).containsExactly(
                tuple(0, 5, "hello"),
                tuple(505, 512, "across the seam, part 1"),
                tuple(520, 525, "second part words"),
                tuple(1000, 1004, "last words"));
        assertThat(detection.notes()).containsExactly(
                "gemini: gemini-2.5-flash (API v1beta, prompt moments-v1) watched the video in 3 parts of up to 9:00"
                        + " sharing 60 s: 4 moments, 5 chapters, 4 transcript segments",
                "gemini: moment 1 of part 3 of 3 ('Too late'): 1490.0–1505.0 s reaches outside 960.0–1500.0 s; cut to"
                        + " 1490.0–1500.0 s",
                "gemini: dropped moment 'On the seam' (500.0–530.0 s): it overlaps 'On the seam again' (500.0–530.0 s),"
                        + " which the model judged at least as strong");
        assertThat(detection.usage()).contains(new ModelUsage("gemini-2.5-flash", 3000, 600, 3));

        assertThat(bench.gemini.files()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String file = "files/file-" + (i + 1);
            assertThat(new String(bench.gemini.files().get(file), StandardCharsets.UTF_8))
                    .contains(FakeVideoParts.label(request.source(), ranges.get(i)));
            String body = bench.gemini.generateContentRequests().get(i).text();
            assertThat(body).contains("/v1beta/" + file + "\"");
        }
        List<String> prompts = bench.gemini.generateContentRequests().stream()
                .map(r -> r.json().get("contents").get(0).get("parts").get(1).get("text").asText()).toList();
        assertThat(prompts.get(0)).contains("part 1 of 3 of a longer video (from 0:00 to 9:00 of 25:00)",
                "The file lasts 9:00 (540.0 seconds)");
        assertThat(prompts.get(1)).contains("part 2 of 3 of a longer video (from 8:00 to 17:00 of 25:00)");
        assertThat(prompts.get(2)).contains("part 3 of 3 of a longer video (from 16:00 to 25:00 of 25:00)");
        assertThat(bench.gemini.deleted()).containsExactlyInAnyOrder("files/file-1", "files/file-2", "files/file-3");
    }

    private static org.assertj.core.groups.Tuple tuple(long startSeconds, long endSeconds, String title) {
        return org.assertj.core.groups.Tuple.tuple(new TimeRange(startSeconds * 1000, endSeconds * 1000), title);
    }
}
