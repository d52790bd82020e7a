package dev.truss.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.truss.adapters.mail.SmtpSettings.Security;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.application.port.Mailer.MailException;
import dev.truss.domain.creator.EmailAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A server that refuses the mail and quotes its link back, as spam filters do. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmtpRejectionTest {

    private static final String LINK = "https://truss.example/login/verify?token=Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-xyz";

    @Test
    void a_refusal_quoting_the_link_is_reported_without_the_link() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> session = CompletableFuture.runAsync(() -> refuseTheData(server));
            SmtpSettings settings = SmtpSettings.of("127.0.0.1", server.getLocalPort(), Security.NONE,
                    new EmailAddress("no-reply@truss.example"));

            MailException e = catchThrowableOfType(MailException.class, () -> new SmtpMailer(settings)
                    .send(new Mail(new EmailAddress("ana@example.com"), "Your Truss login link", "Open " + LINK + "\n")));

            assertThat(e.getMessage())
                    .contains("127.0.0.1:" + server.getLocalPort(), "554 5.7.1 blocked, it links to <link>")
                    .doesNotContain("truss.example/login", "token=");
            session.get(5, TimeUnit.SECONDS);
        }
    }

    private static void refuseTheData(ServerSocket server) {
        try (Socket client = server.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            out.print("220 scripted\r\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                if (verb.equals("DATA")) {
                    out.print("354 go on\r\n");
                    out.flush();
                    while (!".".equals(in.readLine())) {
                        // the mail, ignored
                    }
                    out.print("554 5.7.1 blocked, it links to " + LINK + "\r\n");
                } else if (verb.equals("QUIT")) {
                    out.print("221 bye\r\n");
                    out.flush();
                    return;
                } else {
                    out.print("250 ok\r\n");
                }
                out.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
