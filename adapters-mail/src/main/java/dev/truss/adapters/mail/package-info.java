/**
 * The {@link dev.truss.application.port.Mailer} port over SMTP ({@link dev.truss.adapters.mail.SmtpMailer},
 * Angus Mail), and {@link dev.truss.adapters.mail.ConsoleMailer} for one machine without a mail server.
 * Mail carries login links, so nothing here logs a mail's text, and no error message repeats it.
 */
package dev.truss.adapters.mail;
