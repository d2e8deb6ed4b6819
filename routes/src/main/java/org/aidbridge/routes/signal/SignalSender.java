package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.AnswerWrittenDown;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;

/**
 * Sends outbox entries with the daemon's {@code send}: to a person by uuid (or number when that is
 * all there is) or to a group by {@code groupId}. The id it returns is the send's {@code
 * timestamp}, which is what a Signal quote of that message carries, so answers tie back to it.
 */
public final class SignalSender implements ChannelSender {
  private final SignalRpcClient client;
  private final DirectPacer pacer;
  private final SignalCaptchaAlert captchaAlert;
  private final Clock clock;
  private final String account;
  private final SentNow sentNow;

  /** Writes a send down the instant signal-cli's answer is read: {@code ChannelMemory}. */
  @FunctionalInterface
  interface SentNow extends AnswerWrittenDown.Journal {}

  SignalSender(
      SignalRpcClient client,
      DirectPacer pacer,
      SignalCaptchaAlert captchaAlert,
      Clock clock,
      String account) {
    this(client, pacer, captchaAlert, clock, account, (id, messageId, at) -> {});
  }

  SignalSender(
      SignalRpcClient client,
      DirectPacer pacer,
      SignalCaptchaAlert captchaAlert,
      Clock clock,
      String account,
      SentNow sentNow) {
    this.sentNow = sentNow;
    this.client = client;
    this.pacer = pacer;
    this.captchaAlert = captchaAlert;
    this.clock = clock;
    this.account = account == null || account.isBlank() ? null : account;
  }

  @Override
  public Channel channel() {
    return Channel.SIGNAL;
  }

  @Override
  public SendOutcome send(OutboxEntry entry) {
    OutboundMessage message = entry.message();
    if (!message.to().group()) {
      Optional<Instant> notYet = pacer.reserve();
      if (notYet.isPresent()) {
        // The pace is the account's, not the recipient's: every direct message waits for it.
        return new SendOutcome.Deferred(notYet.get(), false, false, "pacing direct messages");
      }
    }
    AnswerWrittenDown answer = new AnswerWrittenDown(entry.id(), sentNow, clock);
    SignalSendResults.Mapped mapped;
    try {
      JsonNode result =
          SignalRpcClient.await(
              client.requestForAccount("send", params(message), r -> read(answer, r)));
      mapped = SignalSendResults.fromResult(result, clock.instant());
    } catch (SignalRpcException e) {
      mapped = SignalSendResults.fromError(e, clock.instant());
    }
    SendOutcome.Sent written = answer.finish();
    if (written != null) {
      // Written down as sent: it was (a timeout that won the race to this thread does not undo it).
      return written;
    }
    if (mapped.captcha()) {
      captchaAlert.captchaRequired(mapped.captchaToken());
    }
    return mapped.outcome();
  }

  /**
   * On the reading thread, the instant a result is read: a success is written down there and then,
   * unless this thread finished with the send already (it timed out).
   */
  private void read(AnswerWrittenDown answer, JsonNode result) {
    if (SignalSendResults.fromResult(result, clock.instant()).outcome()
        instanceof SendOutcome.Sent sent) {
      answer.sent(sent.channelMessageId());
    }
  }

  ObjectNode params(OutboundMessage message) {
    ObjectNode params = SignalRpcClient.JSON.createObjectNode();
    Address to = message.to();
    if (to.group()) {
      params.put("groupId", to.id());
    } else {
      params.putArray("recipient").add(to.id());
    }
    params.put("message", textWithChoices(message));
    addQuote(params, message.inReplyTo());
    return params;
  }

  /**
   * Quotes the message answered. Its id is {@code <authorUuid>:<timestamp>} for a message someone
   * sent, or a bare {@code <timestamp>} for one the bot sent; signal-cli needs both parts.
   */
  private void addQuote(ObjectNode params, String inReplyTo) {
    if (inReplyTo == null || inReplyTo.isBlank()) {
      return;
    }
    int colon = inReplyTo.lastIndexOf(':');
    String author = colon > 0 ? inReplyTo.substring(0, colon) : account;
    String timestamp = inReplyTo.substring(colon + 1);
    if (author != null && timestamp.matches("\\d{1,19}")) {
      params.put("quoteTimestamp", Long.parseLong(timestamp));
      params.put("quoteAuthor", author);
    }
  }

  /** Signal has no buttons: quick answers become lines telling what to send. */
  static String textWithChoices(OutboundMessage message) {
    if (message.choices().isEmpty()) {
      return message.text();
    }
    StringBuilder text = new StringBuilder(message.text()).append('\n');
    for (Choice choice : message.choices()) {
      text.append("\n• ");
      if (choice.label().equalsIgnoreCase(choice.reply())) {
        text.append(choice.reply());
      } else {
        text.append(choice.label()).append(": ").append(choice.reply());
      }
    }
    return text.toString();
  }
}
