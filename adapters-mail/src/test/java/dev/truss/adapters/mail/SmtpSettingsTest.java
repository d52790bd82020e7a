package dev.truss.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.adapters.mail.SmtpSettings.Security;
import dev.truss.domain.creator.EmailAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmtpSettingsTest {

    private static final EmailAddress FROM = new EmailAddress("no-reply@truss.example");

    private static SmtpSettings valid() {
        return SmtpSettings.of("smtp.example.com", 587, Security.STARTTLS_REQUIRED, FROM);
    }

    @Test
    void the_short_form_has_no_login_no_sender_name_default_timeouts_and_checks_every_certificate() {
        SmtpSettings settings = valid();

        assertThat(settings.username()).isEmpty();
        assertThat(settings.password()).isEmpty();
        assertThat(settings.fromName()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.trustedHosts()).isEmpty();
    }

    @Test
    void to_string_says_a_password_is_set_but_never_shows_it() {
        SmtpSettings settings = valid().withLogin("mailer", "hunter2-secret").withFromName("Truss");

        assertThat(settings.toString())
                .doesNotContain("hunter2-secret")
                .contains("smtp.example.com", "587", "STARTTLS_REQUIRED", "username=mailer", "password=****",
                        "Truss <no-reply@truss.example>");
        assertThat(valid().toString()).contains("password=(none)");
    }

    @Test
    void a_host_with_spaces_or_none_at_all_is_refused() {
        assertThatThrownBy(() -> SmtpSettings.of(" ", 25, Security.NONE, FROM))
                .hasMessageContaining("the SMTP host must be a host name or address");
        assertThatThrownBy(() -> SmtpSettings.of("smtp .example.com", 25, Security.NONE, FROM))
                .hasMessageContaining("without spaces, not 'smtp .example.com'");
    }

    @Test
    void a_port_out_of_range_is_refused() {
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.com", 0, Security.NONE, FROM))
                .hasMessage("the SMTP port must be between 1 and 65535, not 0");
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.com", 65_536, Security.NONE, FROM))
                .hasMessage("the SMTP port must be between 1 and 65535, not 65536");
    }

    @Test
    void a_username_without_a_password_or_the_reverse_is_refused() {
        assertThatThrownBy(() -> valid().withLogin("mailer", null))
                .hasMessage("the SMTP username and password go together: give both or neither");
        assertThatThrownBy(() -> valid().withLogin(null, "secret"))
                .hasMessage("the SMTP username and password go together: give both or neither");
        assertThatThrownBy(() -> valid().withLogin(" ", "secret")).hasMessage("the SMTP username is blank");
        assertThatThrownBy(() -> valid().withLogin("mailer", "")).hasMessage("the SMTP password is empty");
    }

    @Test
    void a_sender_name_must_be_one_line() {
        assertThatThrownBy(() -> valid().withFromName("Truss\r\nBcc: eve@example.com"))
                .hasMessageStartingWith("the sender's name must be one line of text");
        assertThatThrownBy(() -> valid().withFromName(" ")).hasMessageStartingWith("the sender's name must be one line");
    }

    @Test
    void a_sender_address_a_mail_server_would_not_take_is_refused() {
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.com", 25, Security.NONE, new EmailAddress("a,b@truss.example")))
                .hasMessageStartingWith("'a,b@truss.example' cannot be a sender address");
    }

    @Test
    void timeouts_must_be_at_least_a_millisecond_and_fit_in_an_int() {
        assertThatThrownBy(() -> valid().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("the SMTP connect timeout must be between 1 ms and about 24 days, not PT0S");
        assertThatThrownBy(() -> valid().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-5)))
                .hasMessage("the SMTP read timeout must be between 1 ms and about 24 days, not PT-0.005S");
        assertThatThrownBy(() -> valid().withTimeouts(Duration.ofSeconds(1), Duration.ofDays(30)))
                .hasMessageContaining("read timeout must be between 1 ms and about 24 days");
    }

    @Test
    void missing_values_are_named() {
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.com", 25, null, FROM)).hasMessageContaining("security");
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.com", 25, Security.NONE, null)).hasMessageContaining("from");
        assertThatThrownBy(() -> valid().withTimeouts(null, Duration.ofSeconds(1))).hasMessage("connect timeout");
    }

    @Test
    void blank_trusted_hosts_are_refused_rather_than_read_as_trust_nothing() {
        assertThatThrownBy(() -> valid().withTrustedHosts(" "))
                .hasMessage("trusted hosts is blank: leave it empty to check every certificate");
        assertThat(valid().withTrustedHosts("localhost").trustedHosts()).isEqualTo(Optional.of("localhost"));
    }
}
