package dev.truss.application.detect;

import dev.truss.application.port.media.ClipRenderer;
import dev.truss.domain.asset.Transcript;
import dev.truss.domain.asset.VideoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Renders ranked picks on up to N threads, best first. The renderer names its files, so each clip
 * renders into a work directory of its own ({@code .clip-02.rendering}) inside the output
 * directory, and only a finished clip's files are moved out, to {@code clip-02.mp4} and
 * {@code clip-02.jpg} (the renderer's extensions); the work directory is always deleted. So a
 * clip is either whole in the output directory or not there at all.
 *
 * <p>The first failure stops the run: renders not started never start, running ones are
 * interrupted and awaited, and a render that finishes anyway is discarded, so no clip appears
 * after the failure; the failure propagates as the renderer threw it. Clips that finished
 * before it stay.
 */
final class ClipRenders {

    private final ClipRenderer renderer;
    private final int threads;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    /** One run: the first failure stops every render of this instance. */
    ClipRenders(ClipRenderer renderer, int threads) {
        this.renderer = renderer;
        this.threads = threads;
    }

    /** The rendered clips in rank order; {@code progress} gets 0–100 of the rendering, from any thread. */
    List<ClipVideo.RenderedClip> render(ClipVideo.Command command, VideoProperties video, List<MomentRanking.Pick> picks,
                                        Transcript said, BiConsumer<String, Integer> progress) {
        if (picks.isEmpty()) {
            return List.of();
        }
        createDirectories(command.outputDirectory());
        Tally tally = new Tally(picks.size(), progress);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, picks.size()), task -> {
            Thread thread = new Thread(task, "truss-clip-render");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorCompletionService<ClipVideo.RenderedClip> renders = new ExecutorCompletionService<>(pool);
        try {
            for (int i = 0; i < picks.size(); i++) {
                int rank = i + 1;
                MomentRanking.Pick pick = picks.get(i);
                renders.submit(() -> renderOne(command, video, rank, pick, said, tally));
            }
            List<ClipVideo.RenderedClip> clips = new ArrayList<>();
            for (int i = 0; i < picks.size(); i++) {
                clips.add(renders.take().get());
            }
            clips.sort(Comparator.comparingInt(ClipVideo.RenderedClip::rank));
            return clips;
        } catch (ExecutionException e) {
            throw rethrown(firstFailure.get() != null ? firstFailure.get() : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException interrupted = new CancellationException("clipping was interrupted");
            firstFailure.compareAndSet(null, interrupted); // so a render finishing now is discarded too
            throw interrupted;
        } finally {
            stopAndAwait(pool);
        }
    }

    private ClipVideo.RenderedClip renderOne(ClipVideo.Command command, VideoProperties video, int rank,
                                             MomentRanking.Pick pick, Transcript said, Tally tally) throws IOException {
        try {
            requireNoFailure();
            return renderInto(command, video, rank, pick, captions(said, pick), tally);
        } catch (IOException | RuntimeException | Error e) {
            firstFailure.compareAndSet(null, e); // before this task ends, so the next one sees it
            throw e;
        }
    }

    /** What is said during the clip, on the source's timeline, as the renderer takes captions. */
    private static List<ClipRenderer.CaptionCue> captions(Transcript said, MomentRanking.Pick pick) {
        return said.within(pick.range()).stream().map(s -> new ClipRenderer.CaptionCue(s.range(), s.text())).toList();
    }

    private ClipVideo.RenderedClip renderInto(ClipVideo.Command command, VideoProperties video, int rank,
                                              MomentRanking.Pick pick, List<ClipRenderer.CaptionCue> captions,
                                              Tally tally) throws IOException {
        String name = String.format(Locale.ROOT, "clip-%02d", rank);
        Path work = command.outputDirectory().resolve("." + name + ".rendering");
        deleteRecursively(work); // left over from a run that was killed
        try {
            Files.createDirectories(work);
            ClipRenderer.Rendered rendered = renderer.render(new ClipRenderer.Request(command.source(), video,
                    pick.range(), command.layout(), captions, command.quality(), work),
                    percent -> tally.progressed(rank, percent));
            requireNoFailure(); // finished after another clip failed: discarded with the work directory
            Path clip = command.outputDirectory().resolve(name + extension(rendered.video()));
            Path thumbnail = command.outputDirectory().resolve(name + extension(rendered.thumbnail()));
            Files.move(rendered.video(), clip, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(rendered.thumbnail(), thumbnail, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(clip); // a clip without its thumbnail would be half an output
                throw e;
            }
            tally.finished(rank);
            return new ClipVideo.RenderedClip(rank, pick.range(), pick.title(), pick.hookLine(), pick.caption(),
                    pick.score(), clip, thumbnail, rendered.framing());
        } finally {
            deleteQuietly(work);
        }
    }

    private void requireNoFailure() {
        if (firstFailure.get() != null) {
            throw new CancellationException("stopped: another clip failed to render");
        }
    }

    /** Counts each clip's percentage towards the whole rendering, and names the clip being worked on. */
    private static final class Tally {
        private final int[] percents;
        private final BiConsumer<String, Integer> progress;
        private int finished;

        Tally(int clips, BiConsumer<String, Integer> progress) {
            this.percents = new int[clips];
            this.progress = progress;
            progress.accept(stage(), 0);
        }

        synchronized void progressed(int rank, int percent) {
            percents[rank - 1] = Math.max(percents[rank - 1], Math.min(100, Math.max(0, percent)));
            int total = 0;
            for (int each : percents) {
                total += each;
            }
            progress.accept(stage(), total / percents.length);
        }

        synchronized void finished(int rank) {
            finished++;
            progressed(rank, 100);
        }

        private String stage() {
            return "rendering " + Math.min(finished + 1, percents.length) + "/" + percents.length;
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException("could not put the rendered clip in place: " + io.getMessage(), io);
        }
        return new IllegalStateException(cause);
    }

    private static void stopAndAwait(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: a render still running could otherwise write after we return
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + directory, e);
        }
    }

    /** Best effort, so a failed clean-up never hides why the render failed. */
    private static void deleteQuietly(Path directory) {
        try {
            deleteRecursively(directory);
        } catch (IOException | UncheckedIOException ignored) {
            // a hidden work directory left behind is replaced by the next run
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
