package dev.truss.domain.id;

/** Thrown when text that should be an id is not one; the message says why, for the user. */
public final class InvalidIdException extends dev.truss.domain.InvalidValueException {
    public InvalidIdException(String message) {
        super(message);
    }
}
