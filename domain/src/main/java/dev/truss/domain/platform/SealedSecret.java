package dev.truss.domain.platform;

import java.util.Objects;

/**
 * Token material encrypted by the application's secret sealer. The domain never sees a
 * token in the clear, and this record never prints its contents.
 */
public record SealedSecret(String ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "SealedSecret[***]";
    }
}
