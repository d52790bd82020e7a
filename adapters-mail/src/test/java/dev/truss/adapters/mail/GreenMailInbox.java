package dev.truss.adapters.mail;

import com.icegreen.greenmail.base.GreenMailOperations;
import dev.truss.application.port.Mailer.Mail;
import dev.truss.domain.creator.EmailAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** What a GreenMail server delivered to one envelope recipient, decoded the way a mail reader would. */
final class GreenMailInbox {

    private GreenMailInbox() {
    }

    static List<MimeMessage> messagesFor(GreenMailOperations greenMail, EmailAddress to) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(to.value()), m -> true).toList();
    }

    static List<Mail> mailsFor(GreenMailOperations greenMail, EmailAddress to) throws Exception {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : messagesFor(greenMail, to)) {
            mails.add(new Mail(to, message.getSubject(), (String) message.getContent()));
        }
        return mails;
    }
}
