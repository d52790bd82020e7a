package dev.truss.application.common;

import dev.truss.application.port.storage.WriteResult;
import java.util.function.Function;

/**
 * What a use case answers: the value, or one of the failures a user can expect and act on.
 * Edges turn each failure into their own words (HTTP 404 / 400 / 409, a CLI message).
 */
public sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {
    }

    /** The thing asked for does not exist (or belongs to someone else: the two look the same). */
    record NotFound<T>(String message) implements Outcome<T> {
    }

    /** The request breaks a rule (bad input, or a state that does not allow it); the message says which. */
    record Rejected<T>(String message) implements Outcome<T> {
    }

    /** Someone else changed the same thing first; reading again and retrying will work. */
    record Conflict<T>(String message) implements Outcome<T> {
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> notFound(String message) {
        return new NotFound<>(message);
    }

    static <T> Outcome<T> rejected(String message) {
        return new Rejected<>(message);
    }

    static <T> Outcome<T> conflict(String message) {
        return new Conflict<>(message);
    }

    /** The outcome of a conditional write of {@code what} ("the clip"), in a user's words. */
    static <T> Outcome<T> of(WriteResult<T> result, String what) {
        if (result instanceof WriteResult.Written<T> written) {
            return ok(written.value());
        }
        if (result instanceof WriteResult.AlreadyExists<T>) {
            return conflict(what + " exists already");
        }
        if (result instanceof WriteResult.Missing<T>) {
            return notFound(what + " was deleted meanwhile");
        }
        return conflict(what + " was changed meanwhile; load it again and retry");
    }

    /** Transforms the value of a success; failures pass through unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return (Outcome<R>) this;
    }

    /** Continues a success with a step that may fail in turn; failures pass through unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return (Outcome<R>) this;
    }

    /** The value of a success; for tests and callers that have already handled failures. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("expected a success, got " + this);
    }
}
