package dev.truss.adapters.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Jetty refuses before any route sees it (an address too long, a path with a NUL byte in
 * it) answered as the problem every other error is, instead of Jetty's HTML page: the API has
 * one error format, and its document promises it for every status.
 */
final class JettyProblems extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JettyProblems.class);

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String id = RequestIds.newId();
        boolean unreadable = "BAD".equals(request.getMethod()); // Jetty's name for a request it could not parse
        String path = unreadable || request.getHttpURI() == null || request.getHttpURI().getPath() == null ? ""
                : Requests.clip(request.getHttpURI().getPath());
        String detail = code == HttpStatus.URI_TOO_LONG_414 ? "the address is too long"
                : code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ? "the request's headers are too large"
                : code >= 500 ? "something went wrong on our side; the log has request " + id
                : "this is not a request HTTP allows (" + HttpStatus.getMessage(code) + "): check the address and "
                + "the headers";
        if (code >= 500) {
            LOG.error("{} {} failed before routing -> {}", id, request.getMethod(), code, cause);
        } else {
            LOG.info("{} {} (refused before routing) -> {}: {}", id, request.getMethod(), code, message);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(RequestIds.HEADER, id);
        response.write(true, ByteBuffer.wrap(Problems.body(Json.MAPPER, code, HttpStatus.getMessage(code), detail,
                path, id)), callback);
    }
}
