package org.aidbridge.bot.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A message that reached the bot on some channel, already translated from the channel's payload.
 *
 * @param channel where it came from
 * @param channelMessageId unique within the channel (email Message-ID, Telegram update id, Signal
 *     sender+timestamp); a redelivered message has the same id and is handled once
 * @param sender the person who wrote it
 * @param group the group chat it was posted in, or null for a private message
 * @param text the text to read: for email the new part of the body, without quotes and signature;
 *     cleaned and capped by {@link InboundText#clean}
 * @param subject the email subject, or null; one line, capped by {@link InboundText#oneLine}
 * @param languageHint the language the channel says the person uses (Telegram's language_code), or
 *     null
 * @param replyTo the channel message id of the bot's message this answers, or null
 * @param addressedToBot in a group: whether it is a command, a mention or a reply to the bot
 * @param senderIsGroupAdmin in a group: whether the channel says the sender administers it
 * @param receivedAt when the channel received it
 * @param senderAuthenticated whether the channel vouches that the sender is who they seem: true on
 *     Telegram and Signal; on email only with the coordinator secret or mail the receiving server
 *     authenticated (DKIM/DMARC). Coordinator commands need it.
 */
public record InboundMessage(
    Channel channel,
    String channelMessageId,
    Address sender,
    Address group,
    String text,
    String subject,
    String languageHint,
    String replyTo,
    boolean addressedToBot,
    boolean senderIsGroupAdmin,
    Instant receivedAt,
    boolean senderAuthenticated) {

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(channelMessageId, "channelMessageId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receivedAt, "receivedAt");
    // Whatever the channel brought: capped and without control characters before it is kept.
    text = text == null ? "" : InboundText.clean(text, InboundText.MAX_TEXT_CHARS);
    subject = InboundText.oneLine(subject, InboundText.MAX_SUBJECT_CHARS);
  }

  /** A message whose channel vouches for its sender, as Telegram and Signal do. */
  public InboundMessage(
      Channel channel,
      String channelMessageId,
      Address sender,
      Address group,
      String text,
      String subject,
      String languageHint,
      String replyTo,
      boolean addressedToBot,
      boolean senderIsGroupAdmin,
      Instant receivedAt) {
    this(
        channel,
        channelMessageId,
        sender,
        group,
        text,
        subject,
        languageHint,
        replyTo,
        addressedToBot,
        senderIsGroupAdmin,
        receivedAt,
        true);
  }

  /** A private (one-to-one) message. */
  public static InboundMessage direct(
      Address sender, String channelMessageId, String text, Instant receivedAt) {
    return new InboundMessage(
        sender.channel(),
        channelMessageId,
        sender,
        null,
        text,
        null,
        null,
        null,
        true,
        false,
        receivedAt);
  }

  public boolean inGroup() {
    return group != null;
  }

  /** Where an answer to this message goes: the group it was posted in, else the sender. */
  public Address replyAddress() {
    return group != null ? group : sender;
  }
}
