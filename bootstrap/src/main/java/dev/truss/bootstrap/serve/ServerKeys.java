package dev.truss.bootstrap.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's two secrets: the key that signs page cursors and the key that seals platform
 * tokens. Given by configuration (the same on every server of a fleet), or, on one machine,
 * made once and kept in {@code keys.properties} in the data directory, readable by its owner only.
 */
public record ServerKeys(byte[] cursorKey, byte[] sealingKey) {

    static final String FILE = "keys.properties";

    public ServerKeys {
        if (cursorKey.length < 32 || sealingKey.length != 32) {
            throw new IllegalArgumentException("the cursor key needs 32+ bytes and the sealing key exactly 32 "
                    + "(base64 of 32 random bytes: openssl rand -base64 32)");
        }
        cursorKey = cursorKey.clone();
        sealingKey = sealingKey.clone();
    }

    /** Configured keys where given; the rest from (or newly into) {@code dataDir/keys.properties}. */
    public static ServerKeys resolve(Optional<String> cursorKeyBase64, Optional<String> sealingKeyBase64,
                                     Path dataDir) {
        if (cursorKeyBase64.isPresent() && sealingKeyBase64.isPresent()) {
            return new ServerKeys(decode(cursorKeyBase64.get(), "cursor"), decode(sealingKeyBase64.get(), "sealing"));
        }
        Properties stored = loadOrCreate(dataDir.resolve(FILE));
        return new ServerKeys(
                decode(cursorKeyBase64.orElse(stored.getProperty("cursorKey")), "cursor"),
                decode(sealingKeyBase64.orElse(stored.getProperty("sealingKey")), "sealing"));
    }

    private static Properties loadOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        String content = "# Made by truss serve. Keep it secret; losing it logs everyone out and loses platform tokens.\n"
                + "cursorKey=" + newKey(random) + "\nsealingKey=" + newKey(random) + "\n";
        Path temp = Files.createTempFile(file.getParent(), FILE, ".new");
        try {
            ownerOnly(temp);
            Files.writeString(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            Files.createLink(file, temp); // fails if another process made the file first: theirs wins
        } catch (FileAlreadyExistsException raced) {
            // keep the keys the other process wrote
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }

    private static String newKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static byte[] decode(String base64, String which) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the " + which + " key is missing");
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + which + " key is not base64 (make one with: openssl rand -base64 32)");
        }
    }

    @Override
    public String toString() {
        return "ServerKeys[hidden]";
    }
}
