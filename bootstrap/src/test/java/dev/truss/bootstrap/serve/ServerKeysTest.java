package dev.truss.bootstrap.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerKeysTest {

    @TempDir
    Path dir;

    @Test
    void keys_are_made_once_and_the_same_keys_come_back_after_a_restart() {
        ServerKeys first = ServerKeys.resolve(Optional.empty(), Optional.empty(), dir);
        ServerKeys again = ServerKeys.resolve(Optional.empty(), Optional.empty(), dir);

        assertThat(again.cursorKey()).isEqualTo(first.cursorKey());
        assertThat(again.sealingKey()).isEqualTo(first.sealingKey()).isNotEqualTo(first.cursorKey());
        assertThat(first.sealingKey()).hasSize(32);
    }

    @Test
    void the_key_file_is_readable_by_its_owner_only() throws Exception {
        ServerKeys.resolve(Optional.empty(), Optional.empty(), dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ServerKeys.FILE))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve(ServerKeys.FILE)); // no temporary file left behind
        }
    }

    @Test
    void configured_keys_win_and_nothing_is_written() {
        String cursor = Base64.getEncoder().encodeToString(new byte[40]);
        String sealing = Base64.getEncoder().encodeToString(new byte[32]);

        ServerKeys keys = ServerKeys.resolve(Optional.of(cursor), Optional.of(sealing), dir);

        assertThat(keys.cursorKey()).hasSize(40);
        assertThat(dir.resolve(ServerKeys.FILE)).doesNotExist();
    }

    @Test
    void a_key_that_is_not_base64_or_too_short_is_a_clear_error() {
        assertThatThrownBy(() -> ServerKeys.resolve(Optional.of("not base64!"), Optional.of("x"), dir))
                .hasMessageContaining("openssl rand -base64 32");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ServerKeys.resolve(Optional.of(shortKey), Optional.of(shortKey), dir))
                .hasMessageContaining("32");
    }

    @Test
    void keys_never_print() {
        assertThat(ServerKeys.resolve(Optional.empty(), Optional.empty(), dir).toString()).isEqualTo("ServerKeys[hidden]");
    }
}
