package dev.truss.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.truss.application.port.Mailer.Mail;
import dev.truss.application.port.Mailer.MailException;
import dev.truss.domain.creator.EmailAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleMailerTest {

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final String LINK = "https://truss.example/login/verify?token=" + "Ab3_-".repeat(30);

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ConsoleMailer mailer = new ConsoleMailer(new PrintStream(console, true, StandardCharsets.UTF_8));

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_mail_is_printed_as_one_block_saying_why_with_recipient_subject_and_the_link_on_one_line() {
        mailer.send(new Mail(ANA, "Your Truss login link", "Open this link to log in:\n\n" + LINK + "\n"));

        assertThat(printed()).isEqualTo("\n"
                + "----- Mail not sent: no SMTP server is configured, so it is printed here -----\n"
                + "To: ana@example.com\n"
                + "Subject: Your Truss login link\n"
                + "\n"
                + "Open this link to log in:\n"
                + "\n"
                + LINK + "\n"
                + "----- End of mail -----\n");
    }

    @Test
    void a_text_without_a_last_line_break_still_ends_before_the_closing_line() {
        mailer.send(new Mail(ANA, "hi", "no line break"));

        assertThat(printed()).endsWith("\nno line break\n----- End of mail -----\n");
    }

    @Test
    void mails_sent_at_once_from_many_threads_are_never_interleaved() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sending.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        mailer.send(new Mail(ANA, "mail " + id, "line one of " + id + "\n" + LINK + "\nline three of " + id + "\n"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : sending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Mail> mails = PrintedMails.in(printed());
        assertThat(mails).hasSize(threads * perThread);
        assertThat(mails).allSatisfy(mail -> {
            String id = mail.subject().substring("mail ".length());
            assertThat(mail.text()).isEqualTo("line one of " + id + "\n" + LINK + "\nline three of " + id + "\n");
        });
    }

    @Test
    void a_console_that_cannot_be_written_to_fails_the_send() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }
        };
        ConsoleMailer failing = new ConsoleMailer(new PrintStream(broken, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> failing.send(new Mail(ANA, "hi", LINK)))
                .isInstanceOf(MailException.class)
                .hasMessage("could not print the mail to a***@example.com on the console");
    }
}
