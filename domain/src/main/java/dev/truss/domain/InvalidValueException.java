package dev.truss.domain;

/**
 * A value broke a rule of the domain (an email without '@', a clip longer than its video...).
 * The message is written for the person who typed the value, so edges can show it as is.
 */
public class InvalidValueException extends IllegalArgumentException {
    public InvalidValueException(String message) {
        super(message);
    }
}
