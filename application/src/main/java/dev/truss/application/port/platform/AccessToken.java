package dev.truss.application.port.platform;

import java.util.Objects;

/** An OAuth access token in the clear, held only while a call to a platform is made. Never printed. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "access token");
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
