package dev.truss.adapters.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves files over HTTP on the loopback address, as a bucket serves presigned downloads:
 * {@code GET /name?X-Signature=…} with byte ranges (FFmpeg seeks with them); unknown names get 404.
 */
final class HttpFiles implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    HttpFiles() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        // FFmpeg opens a second connection (to read the index at the end) while the first is still being
        // answered: each exchange needs a thread of its own.
        server.setExecutor(Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "http-files");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A presigned-looking URL for {@code file}, named {@code name}. */
    URI serve(String name, Path file) {
        files.put("/" + name, file);
        return url(name);
    }

    URI url(String name) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/"
                + name + "?X-Signature=secret-signature&X-Expires=1800");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = files.get(exchange.getRequestURI().getPath());
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            long start = 0;
            long end = size - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            boolean partial = matcher != null && matcher.matches();
            if (partial) {
                start = Long.parseLong(matcher.group(1));
                end = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
                if (start >= size) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
            }
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            long length = end - start + 1;
            exchange.sendResponseHeaders(partial ? 206 : 200, length == 0 ? -1 : length);
            if ("HEAD".equals(exchange.getRequestMethod()) || length == 0) {
                return;
            }
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
                in.skipNBytes(start);
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    left -= read;
                }
            } catch (IOException clientWentAway) {
                // FFmpeg closes a connection when it seeks elsewhere
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
