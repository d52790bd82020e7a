package dev.truss.adapters.platforms.discord;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/form-data} body (RFC 7578), which {@code java.net.http} does not build. Files
 * are streamed from disk, not read into memory. The boundary is random, so no part's content can
 * contain it by accident or design.
 */
final class Multipart {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<BodyPublisher> parts = new ArrayList<>();

    Multipart() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.boundary = "truss-" + HexFormat.of().formatHex(random);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    Multipart field(String name, String contentType, String value) {
        parts.add(text(head(name, null, contentType)));
        parts.add(text(value));
        parts.add(text("\r\n"));
        return this;
    }

    /** {@code filename} must be plain ASCII without quotes: it goes into a header as it is. */
    Multipart file(String name, String filename, String contentType, Path file) throws FileNotFoundException {
        if (!filename.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a file name in a multipart header must be plain: " + filename);
        }
        parts.add(text(head(name, filename, contentType)));
        parts.add(BodyPublishers.ofFile(file));
        parts.add(text("\r\n"));
        return this;
    }

    BodyPublisher body() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private String head(String name, String filename, String contentType) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"")
                + "\r\nContent-Type: " + contentType + "\r\n\r\n";
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}
