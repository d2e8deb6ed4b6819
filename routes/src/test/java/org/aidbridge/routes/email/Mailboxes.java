package org.aidbridge.routes.email;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** People writing to the bot and reading their mail, through GreenMail's SMTP and IMAP. */
final class Mailboxes {
  private final GreenMailOperations mail;

  Mailboxes(GreenMailOperations mail) {
    this.mail = mail;
  }

  /** A new mail as a person's mail program writes it. */
  MimeMessage compose(String from, String subject, String text) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(EmailHarness.BOT));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    message.saveChanges();
    return message;
  }

  /** A fixture mail, sent as it is, from {@code from}. */
  MimeMessage fixture(String name, String from) throws MessagingException {
    MimeMessage message = MailFixtures.mail(name);
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(EmailHarness.BOT));
    return message;
  }

  /** Hands the mail to the SMTP server unchanged: its Message-ID is kept. */
  void send(MimeMessage message) throws MessagingException {
    Session session = mail.getSmtp().createSession();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** The mails in a person's inbox, as the server keeps them. */
  List<MimeMessage> inboxOf(String address) {
    return mail.findReceivedMessages(user -> user.getEmail().equals(address), m -> true).toList();
  }

  /** The whole mail as it travelled: headers and body. */
  static String raw(MimeMessage message) {
    return GreenMailUtil.getWholeMessage(message);
  }

  /** How many mails in the bot's inbox are not marked seen yet, asked over IMAP. */
  int unseenInBotInbox() throws MessagingException {
    Store store = mail.getImap().createStore();
    store.connect(EmailHarness.BOT, EmailHarness.BOT_PASSWORD);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }

  /** How many mails the bot's inbox holds, seen or not. */
  int inBotInbox() {
    return inboxOf(EmailHarness.BOT).size();
  }

  static String header(MimeMessage message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null ? null : String.join(", ", Arrays.asList(values));
  }
}
