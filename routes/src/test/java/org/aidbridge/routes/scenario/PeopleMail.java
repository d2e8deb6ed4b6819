package org.aidbridge.routes.scenario;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** People writing to the bot through GreenMail's SMTP, and the mail the bot sent them. */
final class PeopleMail {
  private final GreenMail mail;
  private final String bot;

  PeopleMail(GreenMail mail, String bot) {
    this.mail = mail;
    this.bot = bot;
  }

  /** A new mail to the bot, as a mail program writes it. */
  MimeMessage compose(String from, String subject, String text) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(bot));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    message.saveChanges();
    return message;
  }

  /** An answer to one of the bot's mails, in its thread. */
  MimeMessage answer(String from, MimeMessage answered, String text) throws MessagingException {
    MimeMessage message = compose(from, "Re: " + answered.getSubject(), text);
    message.setHeader("In-Reply-To", answered.getMessageID());
    message.setHeader("References", answered.getMessageID());
    return message;
  }

  /**
   * The mail with a header above all its own, where the receiving server adds its {@code
   * Authentication-Results} (RFC 8601); {@link MimeMessage#setHeader} would put it below.
   */
  static MimeMessage onTop(MimeMessage message, String name, String value)
      throws MessagingException {
    try {
      message.saveChanges();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      raw.write((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
      message.writeTo(raw);
      return new MimeMessage(
          Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    } catch (java.io.IOException e) {
      throw new MessagingException("cannot copy the mail", e);
    }
  }

  void send(MimeMessage message) throws MessagingException {
    Session session = mail.getSmtp().createSession();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  void send(String from, String subject, String text) throws MessagingException {
    send(compose(from, subject, text));
  }

  /** Every mail the bot sent that the server received, in order. */
  List<MimeMessage> fromBot() {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> sender(m).equals(bot)).toList();
  }

  /** The mails the bot sent to {@code address}. */
  List<MimeMessage> to(String address) {
    return fromBot().stream().filter(m -> recipients(m).contains(address)).toList();
  }

  static String raw(MimeMessage message) {
    return GreenMailUtil.getWholeMessage(message);
  }

  /** The decoded plain text of a mail the bot sent. */
  static String text(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException("unreadable mail", e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException("unreadable mail", e);
    }
  }

  static List<String> recipients(MimeMessage message) {
    try {
      jakarta.mail.Address[] to = message.getAllRecipients();
      return to == null
          ? List.of()
          : Arrays.stream(to)
              .map(a -> ((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT))
              .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException("unreadable mail", e);
    }
  }

  private static String sender(MimeMessage message) {
    try {
      jakarta.mail.Address[] from = message.getFrom();
      return from == null || from.length == 0
          ? ""
          : ((InternetAddress) from[0]).getAddress().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "";
    }
  }
}
