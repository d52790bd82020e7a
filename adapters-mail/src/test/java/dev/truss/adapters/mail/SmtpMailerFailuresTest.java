package dev.truss.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truss.adapters.mail.SmtpSettings.Security;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.application.port.Mailer.MailException;
import dev.truss.domain.creator.EmailAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logins, refusals and unreachable servers: every failure is a MailException a person can act on. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmtpMailerFailuresTest {

    private static final String PASSWORD = "s3cret-do-not-print";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@truss.example", "mailer", PASSWORD));

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final String LINK = "https://truss.example/login/verify?token=Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-xyz";
    private static final Mail LOGIN_MAIL = new Mail(ANA, "Your Truss login link", "Open " + LINK + "\n");

    private static SmtpSettings settings(String host, int port, Security security) {
        return SmtpSettings.of(host, port, security, new EmailAddress("mailer@truss.example"));
    }

    private static SmtpSettings greenMail(Security security) {
        return settings(GREEN_MAIL.getSmtp().getBindTo(), GREEN_MAIL.getSmtp().getPort(), security);
    }

    /** The exception's message and every cause's: where a password or a link could leak into a log. */
    private static String allMessages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join("\n", messages);
    }

    @Test
    void a_mail_is_sent_after_logging_in_with_the_right_password() throws Exception {
        new SmtpMailer(greenMail(Security.NONE).withLogin("mailer", PASSWORD)).send(LOGIN_MAIL);

        assertThat(GreenMailInbox.mailsFor(GREEN_MAIL, ANA)).hasSize(1);
    }

    @Test
    void a_wrong_password_fails_with_the_server_and_the_username_but_not_the_password() throws Exception {
        String wrong = "not-the-password-either";
        SmtpSettings settings = greenMail(Security.NONE).withLogin("mailer", wrong);

        MailException e = catchThrowableOfType(MailException.class, () -> new SmtpMailer(settings).send(LOGIN_MAIL));

        assertThat(e.getMessage()).contains(settings.host() + ":" + settings.port(), "refused the login of 'mailer'",
                "check the SMTP username and password");
        assertThat(allMessages(e)).doesNotContain(wrong, PASSWORD, LINK, "token=");
        assertThat(GreenMailInbox.messagesFor(GREEN_MAIL, ANA)).isEmpty();
    }

    @Test
    void starttls_required_refuses_a_server_without_starttls_before_sending_anything() throws Exception {
        SmtpSettings settings = greenMail(Security.STARTTLS_REQUIRED).withLogin("mailer", PASSWORD);

        MailException e = catchThrowableOfType(MailException.class, () -> new SmtpMailer(settings).send(LOGIN_MAIL));

        assertThat(e.getMessage()).contains(settings.host() + ":" + settings.port() + " (STARTTLS_REQUIRED)",
                "STARTTLS is required but host does not support STARTTLS");
        assertThat(allMessages(e)).doesNotContain(PASSWORD, LINK);
        assertThat(GreenMailInbox.messagesFor(GREEN_MAIL, ANA)).isEmpty();
    }

    @Test
    void a_closed_port_fails_at_once_saying_where_it_tried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmtpSettings settings = settings("127.0.0.1", closedPort, Security.STARTTLS_REQUIRED).withLogin("mailer", PASSWORD);

        long start = System.nanoTime();
        assertThatThrownBy(() -> new SmtpMailer(settings).send(LOGIN_MAIL))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("cannot connect to the SMTP server 127.0.0.1:" + closedPort)
                .hasMessageContaining("check the host and port")
                .satisfies(e -> assertThat(allMessages(e)).doesNotContain(PASSWORD, LINK));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_server_that_never_answers_fails_after_the_read_timeout() throws Exception {
        // Connections land in the backlog and are never accepted: no greeting ever comes.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            SmtpSettings settings = settings("127.0.0.1", silent.getLocalPort(), Security.NONE)
                    .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300));

            long start = System.nanoTime();
            assertThatThrownBy(() -> new SmtpMailer(settings).send(LOGIN_MAIL))
                    .isInstanceOf(MailException.class)
                    .hasMessageContaining("127.0.0.1:" + silent.getLocalPort() + " (NONE) did not answer within")
                    .hasMessageContaining("300 ms (read)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
