package dev.truss.domain;

/**
 * A state machine was asked for a move its rules forbid (publishing an asset that was
 * never uploaded...). Use cases check the state first and answer with a typed result,
 * so reaching this means a bug or a lost race, never a user's mistake.
 */
public final class IllegalTransitionException extends IllegalStateException {
    public IllegalTransitionException(String what, Object from, Object to) {
        super(what + " cannot go from " + from + " to " + to);
    }
}
