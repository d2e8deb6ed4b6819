package org.aidbridge.bot.model;

import java.util.List;
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
 * @param choices quick answers offered with it (buttons on Telegram), possibly empty; the text
 *     already tells how to answer without them
 */
public record OutboundMessage(
    Address to,
    String subject,
    String text,
    String inReplyTo,
    String topic,
    String language,
    List<Choice> choices) {

  public OutboundMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public static OutboundMessage to(Address to, String text, String language) {
    return new OutboundMessage(to, null, text, null, null, language, List.of());
  }

  public OutboundMessage withText(String newText) {
    return new OutboundMessage(to, subject, newText, inReplyTo, topic, language, choices);
  }

  public OutboundMessage withSubject(String newSubject) {
    return new OutboundMessage(to, newSubject, text, inReplyTo, topic, language, choices);
  }

  public OutboundMessage inReplyTo(String channelMessageId) {
    return new OutboundMessage(to, subject, text, channelMessageId, topic, language, choices);
  }

  public OutboundMessage about(String newTopic) {
    return new OutboundMessage(to, subject, text, inReplyTo, newTopic, language, choices);
  }

  public OutboundMessage withChoices(List<Choice> newChoices) {
    return new OutboundMessage(to, subject, text, inReplyTo, topic, language, newChoices);
  }
}
