package dev.truss.adapters.gemini;

/**
 * Gemini cannot give this detection its answer (refused, failed, too slow, or answered nothing
 * usable); the message says why in words for the job's notes, and the local detector answers
 * instead. Never carries the API key.
 */
final class GeminiUnavailable extends RuntimeException {

    GeminiUnavailable(String message) {
        super(message);
    }

    GeminiUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
