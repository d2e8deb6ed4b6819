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
 * @param senderProof what the channel knows about the sender: the platform's word on Telegram and
 *     Signal; on email nothing, or the coordinator secret, a trusted server's DKIM/DMARC verdict,
 *     or an answer to a mail the bot sent to that address. {@code ProofPolicy} decides what it
 *     allows.
 * @param textCut whether what the person wrote was longer than what the bot reads: a text over
 *     {@link InboundText#MAX_TEXT_CHARS} (found here, whatever the channel), or a mail whose text
 *     part the channel read only in part (set by the channel). The person is told, once.
 * @param attachmentSkipped whether the message brought something besides its text that the bot does
 *     not read (a photo, a document, a voice note, a mail's attachment): the bot reads only text,
 *     for size and safety. Set by the channel; in private the person is told, once.
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
    Proof senderProof,
    boolean textCut,
    boolean attachmentSkipped) {

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(senderProof, "senderProof");
    Objects.requireNonNull(channelMessageId, "channelMessageId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receivedAt, "receivedAt");
    // Whatever the channel brought: capped and without control characters before it is kept.
    String raw = text == null ? "" : text;
    text = InboundText.clean(raw, InboundText.MAX_TEXT_CHARS);
    textCut = textCut || InboundText.wasCut(raw, text, InboundText.MAX_TEXT_CHARS);
    subject = InboundText.oneLine(subject, InboundText.MAX_SUBJECT_CHARS);
  }

  /**
   * A message with what its channel usually knows: the platform vouches on Telegram and Signal; a
   * mail proves nothing by itself.
   */
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
        channel == Channel.EMAIL ? Proof.NONE : Proof.PLATFORM,
        false,
        false);
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

  /** The same message with other proof, e.g. a mail confirmed by answering the bot's question. */
  public InboundMessage withProof(Proof proof) {
    return copy(proof, textCut, attachmentSkipped);
  }

  /** The same message, noting that the channel read only part of what the person wrote. */
  public InboundMessage withTextCut() {
    return copy(senderProof, true, attachmentSkipped);
  }

  /** The same message, noting that it brought an attachment the bot did not read. */
  public InboundMessage withAttachmentSkipped() {
    return copy(senderProof, textCut, true);
  }

  // The text and subject are already clean, so the compact constructor keeps them as they are.
  private InboundMessage copy(Proof proof, boolean cut, boolean skipped) {
    return new InboundMessage(
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
        proof,
        cut,
        skipped);
  }

  public boolean inGroup() {
    return group != null;
  }

  /** Where an answer to this message goes: the group it was posted in, else the sender. */
  public Address replyAddress() {
    return group != null ? group : sender;
  }
}
