package org.aidbridge.bot.model;

import java.util.Objects;

/**
 * A message the bot has decided to send. It is stored in the outbox before any channel sends it.
 *
 * @param to the person or group it goes to
 * @param subject the email subject, or null (other channels ignore it)
 * @param text the text, already in the recipient's language
 * @param inReplyTo the channel message id this answers (threads email, quotes on Signal, replies on
 *     Telegram), or null
 * @param topic what it is about, e.g. {@code listing:N-7K2} or {@code match:12}; an answer to this
 *     message is tied back to it
 * @param language the language of the text
 */
public record OutboundMessage(
    Address to, String subject, String text, String inReplyTo, String topic, String language) {

  public OutboundMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
  }

  public static OutboundMessage to(Address to, String text, String language) {
    return new OutboundMessage(to, null, text, null, null, language);
  }

  public OutboundMessage withSubject(String newSubject) {
    return new OutboundMessage(to, newSubject, text, inReplyTo, topic, language);
  }

  public OutboundMessage inReplyTo(String channelMessageId) {
    return new OutboundMessage(to, subject, text, channelMessageId, topic, language);
  }

  public OutboundMessage about(String newTopic) {
    return new OutboundMessage(to, subject, text, inReplyTo, newTopic, language);
  }
}
