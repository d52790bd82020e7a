package dev.truss.bootstrap.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.truss.bootstrap.cli.TrussCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TrussCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void help_lists_every_setting_with_its_environment_variable() {
        assertThat(run("serve", "--help")).isZero();

        assertThat(out.toString()).contains("TRUSS_PORT", "TRUSS_DATA_DIR", "TRUSS_DYNAMODB_TABLE", "TRUSS_S3_BUCKET",
                "TRUSS_SMTP_HOST", "TRUSS_SMTP_PASSWORD", "TRUSS_PUBLIC_URL", "TRUSS_WORKERS");
    }

    @Test
    void a_port_that_is_not_a_number_is_one_line_and_exit_code_2() {
        assertThat(run("serve", "--port", "eighty")).isEqualTo(2);

        assertThat(err.toString()).contains("--port").doesNotContain("Exception");
    }

    @Test
    void too_many_workers_is_refused_before_anything_starts() {
        assertThat(run("serve", "--workers", "0", "--data-dir", "/nonexistent/never-created")).isEqualTo(1);

        assertThat(err.toString()).contains("truss: --workers must lie within 1–64");
        assertThat(java.nio.file.Path.of("/nonexistent/never-created")).doesNotExist();
    }

    @Test
    void an_smtp_security_mode_that_does_not_exist_is_named() {
        assertThat(run("serve", "--port", "0", "--smtp-host", "127.0.0.1", "--smtp-security", "MAYBE",
                "--data-dir", System.getProperty("java.io.tmpdir") + "/truss-serve-test-" + System.nanoTime()))
                .isEqualTo(1);

        assertThat(err.toString()).startsWith("truss: ").contains("MAYBE");
    }
}
