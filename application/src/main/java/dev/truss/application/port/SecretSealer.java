package dev.truss.application.port;

import dev.truss.domain.platform.SealedSecret;

/** Encrypts secrets before they are stored (OAuth tokens at rest), and decrypts them for use. */
public interface SecretSealer {

    SealedSecret seal(String plaintext);

    /** The plaintext; throws if the secret was altered or sealed with another key. */
    String unseal(SealedSecret sealed);
}
