package dev.truss.adapters.http;

/**
 * The one exception a route throws for a request it will not serve; rendered as
 * {@code application/problem+json} with the status and a message a person can act on.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final long retryAfterSeconds;

    private ApiProblem(int status, String title, String detail, long retryAfterSeconds) {
        super(detail, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private ApiProblem(int status, String title, String detail) {
        this(status, title, detail, 0);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    public static ApiProblem unauthorized() {
        return new ApiProblem(401, "Not logged in", "log in first: this needs a session");
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(413, "Request too large", detail);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "Unsupported media type", detail);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(422, "Not possible", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Unavailable", detail);
    }

    public static ApiProblem tooManyRequests(long retryAfterSeconds) {
        return new ApiProblem(429, "Too many requests", "too many attempts; try again in " + retryAfterSeconds
                + " s", retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Seconds to wait before retrying, for 429. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
