package dev.truss.application.port;

import dev.truss.domain.creator.EmailAddress;

/** Sends mail: magic links, for now. */
public interface Mailer {

    record Mail(EmailAddress to, String subject, String text) {
    }

    /** Sends the mail or throws {@link MailException}; the caller decides what a user is told. */
    void send(Mail mail);

    final class MailException extends RuntimeException {
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
