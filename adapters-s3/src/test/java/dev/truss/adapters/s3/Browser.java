package dev.truss.adapters.s3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What a web page does with presigned URLs, over plain HTTP (java.net.http), with no AWS code involved. */
final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Browser() {
    }

    /** PUTs the bytes with the headers; Content-Length is set by the client from the body, as a browser does. */
    static HttpResponse<String> put(URI url, Map<String, String> headers, byte[] bytes) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The CORS preflight a browser sends before a cross-origin PUT with a Content-Type. */
    static HttpResponse<String> preflight(URI url, String origin, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Throws unless the answer is 2xx, with the status and S3's error document. */
    static <T> HttpResponse<T> ok(HttpResponse<T> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            Object body = response.body() instanceof byte[] ? new String((byte[]) response.body()) : response.body();
            throw new IOException(response.request().method() + " answered " + response.statusCode() + ": " + body);
        }
        return response;
    }
}
