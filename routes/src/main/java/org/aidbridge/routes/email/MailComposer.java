package org.aidbridge.routes.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxEntry;

/**
 * Turns an outbox entry into a mail: From the bot, a Message-ID carrying the recipient's token
 * ({@link MailTokens}), so that answers and bounces can be tied back and believed, threading
 * headers when it answers a mail, and {@code Auto-Submitted: auto-replied} so that well-behaved
 * robots do not answer it.
 */
final class MailComposer {
  static final String BOT_NAME = "AidBridge";

  private final Session session;
  private final EmailSettings settings;
  private final Clock clock;
  private final MailTokens tokens;

  MailComposer(Session session, EmailSettings settings, Clock clock, MailTokens tokens) {
    this.session = session;
    this.settings = settings;
    this.clock = clock;
    this.tokens = tokens;
  }

  /** A composed mail and its Message-ID without brackets. */
  record Composed(MimeMessage mail, String messageId) {}

  Composed compose(OutboxEntry entry) throws MessagingException {
    OutboundMessage message = entry.message();
    // The same outbox row and recipient always give the same id (see MailTokens).
    String messageId = tokens.messageId(entry.id(), message.to().id(), settings.domain());
    MimeMessage mail = new FixedIdMessage(session, MessageIds.header(messageId));
    mail.setFrom(from());
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to().id(), true));
    mail.setSubject(subjectOf(message), StandardCharsets.UTF_8.name());
    mail.setSentDate(Date.from(clock.instant()));
    if (message.inReplyTo() != null && !message.inReplyTo().isBlank()) {
      String answered = MessageIds.header(MessageIds.bare(message.inReplyTo()));
      mail.setHeader("In-Reply-To", answered);
      mail.setHeader("References", answered);
    }
    mail.setHeader("Auto-Submitted", "auto-replied");
    // Exchange and Outlook honour this one: no out-of-office answers to the bot (bounces still
    // come).
    mail.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
    mail.setHeader("Content-Language", message.language());
    if (message.to().group()) {
      // A distribution list subscribed to an area: mail clients offer a one-click way out, which
      // reaches the bot (a coordinator ends the subscription).
      mail.setHeader("Precedence", "list");
      mail.setHeader(
          "List-Unsubscribe",
          "<mailto:" + settings.address() + "?subject=unsubscribe%20" + message.to().id() + ">");
    }
    mail.setText(textOf(message), StandardCharsets.UTF_8.name(), "plain");
    mail.saveChanges();
    return new Composed(mail, messageId);
  }

  static String subjectOf(OutboundMessage message) {
    String subject =
        message.subject() == null || message.subject().isBlank()
            ? MailWording.defaultSubject(message.language())
            : message.subject().strip();
    return message.inReplyTo() == null ? subject : SubjectLine.reply(subject);
  }

  static String textOf(OutboundMessage message) {
    if (message.choices().isEmpty()) {
      return message.text();
    }
    StringBuilder text = new StringBuilder(message.text().stripTrailing()).append("\n\n");
    for (Choice choice : message.choices()) {
      text.append(MailWording.replyWith(message.language()))
          .append(": ")
          .append(choice.reply())
          .append('\n');
    }
    return text.toString();
  }

  private InternetAddress from() throws MessagingException {
    try {
      return new InternetAddress(settings.address(), BOT_NAME, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is always supported", e);
    }
  }

  /** Keeps the Message-ID chosen by the bot; Jakarta Mail would otherwise make its own. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
