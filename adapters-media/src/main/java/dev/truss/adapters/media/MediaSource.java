package dev.truss.adapters.media;

import dev.truss.application.port.media.MediaException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A source URI as FFmpeg reads it: a {@code file:} URI becomes {@code file:/absolute/path} (the
 * {@code file:} prefix keeps a name with a colon from being taken for a protocol), an http(s)
 * presigned URL is handed to FFmpeg as is, with a read timeout so a stalled download fails
 * instead of hanging until the deadline, and reconnection when a connection drops. Anything
 * else is refused.
 *
 * <p>A presigned URL is a short-lived credential: {@link #redact} takes its query out of any
 * text (FFmpeg's error messages quote their input) before the text becomes an error a user sees.
 */
record MediaSource(String input, Optional<Path> localFile) {

    /**
     * For a URL: give up on a read after 30 s (in microseconds), and reconnect (with a range
     * request, from where it stopped) when the connection drops or errs. Without the reconnect,
     * a dropped connection loses the packets it carried, and ffmpeg only logs "partial file".
     */
    private static final List<String> REMOTE_OPTIONS = List.of("-rw_timeout", "30000000", "-reconnect", "1",
            "-reconnect_on_network_error", "1", "-reconnect_delay_max", "10",
            // An uploaded file is untrusted: a playlist inside it must not make ffmpeg open local
            // files (file:, concat:, subfile:) on the server. Only the network protocols a URL needs.
            "-protocol_whitelist", "http,https,tcp,tls");

    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?'\"]+)\\?[^\\s'\"]*");

    static MediaSource of(URI source) {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                Path path;
                try {
                    path = Path.of(source).toAbsolutePath();
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    throw new MediaException("cannot read " + source + ": " + e.getMessage(), e);
                }
                return new MediaSource("file:" + path, Optional.of(path));
            case "http":
            case "https":
                return new MediaSource(source.toString(), Optional.empty());
            default:
                throw new MediaException("cannot read " + redact(source.toString())
                        + ": only file: and http(s): sources can be read");
        }
    }

    /** ffmpeg's arguments naming this input: its options, {@code -i} and the input. */
    List<String> ffmpegInput() {
        List<String> arguments = new ArrayList<>(inputOptions());
        arguments.add("-i");
        arguments.add(input);
        return arguments;
    }

    /** ffprobe's arguments naming this input: its options and the input (ffprobe takes no {@code -i}). */
    List<String> ffprobeInput() {
        List<String> arguments = new ArrayList<>(inputOptions());
        arguments.add(input);
        return arguments;
    }

    private List<String> inputOptions() {
        return localFile.isPresent() ? List.of() : REMOTE_OPTIONS;
    }

    /** How to name the source in a message: a local path, or the URL without its query. */
    String describe() {
        return localFile.map(Path::toString).orElseGet(() -> redact(input));
    }

    /** {@code text} with the query of every http(s) URL in it replaced by "?…". */
    static String redact(String text) {
        return text == null ? null : URL_QUERY.matcher(text).replaceAll("$1?…");
    }

    /** The same failure, its message redacted; the cause (an interruption, an I/O error) is kept. */
    static MediaException redacted(MediaException failure) {
        String message = redact(failure.getMessage());
        if (message != null && message.equals(failure.getMessage())) {
            return failure;
        }
        MediaException redacted = new MediaException(message, failure.getCause());
        redacted.setStackTrace(failure.getStackTrace());
        return redacted;
    }
}
