package org.aidbridge.routes.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.AnswerWrittenDown;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.bot.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends outbox entries with {@code sendMessage}, within Telegram's limits.
 *
 * <p>The {@link RateLimiter} is asked before every request: a message that would go over a limit is
 * not sent but deferred ({@code Deferred}) to the moment its chat (or, for the overall limit, the
 * channel) is free again, so Telegram does not have to answer 429 and one busy chat holds no other.
 * A text over 4096 characters goes as several messages in order; each part counts against the
 * limits, and the parts already sent are remembered ({@link PartLedger}, durable in the store) so a
 * deferred entry goes on where it stopped, after a restart too. The id returned for a sent entry is
 * that of its <em>last</em> part, the one that carries the buttons and that people reply to, in the
 * form {@code "<chat_id>:<message_id>"} ({@link MessageIds}).
 */
public final class TelegramSender implements ChannelSender {

  /** Where a group that became a supergroup now lives. */
  @FunctionalInterface
  public interface GroupMover {
    void move(Address from, Address to);
  }

  private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
  private static final int MAX_HALF_SENT = 1_000;

  private final TelegramClient client;
  private final RateLimiter limiter;
  private final SendFailures failures;
  private final Map<String, String> movedChats = new ConcurrentHashMap<>();
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private final PartLedger ledger;
  private final AnswerWrittenDown.Journal sentNow;
  private final Clock clock;

  /** The parts of one long entry and how many of them Telegram already has. */
  private static final class Progress {
    final List<String> parts;
    int sent;
    String lastId;

    Progress(List<String> parts) {
      this.parts = parts;
    }
  }

  /** A sender that remembers half-sent long texts in memory only (tests of single sends). */
  public TelegramSender(TelegramClient client, RateLimiter limiter, Clock clock, GroupMover mover) {
    this(client, limiter, clock, mover, PartLedger.inMemory(), (id, messageId, at) -> {});
  }

  /** As the one above, writing each send down with {@code sentNow} (tests of the writing down). */
  TelegramSender(
      TelegramClient client,
      RateLimiter limiter,
      Clock clock,
      GroupMover mover,
      AnswerWrittenDown.Journal sentNow) {
    this(client, limiter, clock, mover, PartLedger.inMemory(), sentNow);
  }

  /**
   * A sender that keeps its progress through long texts in the store, and writes each send down
   * there the instant Telegram's answer is read ({@code ChannelMemory.journalSent}).
   */
  public TelegramSender(
      TelegramClient client,
      RateLimiter limiter,
      Clock clock,
      GroupMover mover,
      ChannelMemory store) {
    this(client, limiter, clock, mover, PartLedger.durable(store), store::journalSent);
    warmUp();
  }

  /** An answer to sendMessage as the Bot API gives it, for {@link #warmUp}. */
  private static final String SAMPLE_ANSWER =
      "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":0,"
          + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"warm-up\"}}";

  /**
   * Parses a sample answer to sendMessage once, before anything is sent. Otherwise the first answer
   * after a start meets a cold parser (class loading, the introspection of {@code Message}), and
   * that happens after Telegram accepted the message and before the send is written down: on a
   * loaded machine it made the crash harness's kills right after a restart fall into that window,
   * and the message was sent again.
   */
  static void warmUp() {
    try {
      SendMessage.builder().chatId("1").text("warm-up").build().deserializeResponse(SAMPLE_ANSWER);
    } catch (TelegramApiRequestException | RuntimeException e) {
      // Only a head start: a real answer is parsed, and its failure handled, as always.
    }
  }

  private TelegramSender(
      TelegramClient client,
      RateLimiter limiter,
      Clock clock,
      GroupMover mover,
      PartLedger ledger,
      AnswerWrittenDown.Journal sentNow) {
    this.ledger = ledger;
    this.sentNow = sentNow;
    this.clock = clock;
    this.client = client;
    this.limiter = limiter;
    this.failures = new SendFailures(clock, limiter, this::moved, mover);
  }

  @Override
  public Channel channel() {
    return Channel.TELEGRAM;
  }

  @Override
  public SendOutcome send(OutboxEntry entry) {
    OutboundMessage message = entry.message();
    Address to = message.to();
    String chatId = movedChats.getOrDefault(to.id(), to.id());
    if (progress.size() > MAX_HALF_SENT) {
      // Entries given up on elsewhere never come back; what the others sent is in the ledger.
      progress.clear();
    }
    Progress p = progress.computeIfAbsent(entry.id(), k -> resumed(k, message));
    while (p.sent < p.parts.size()) {
      RateLimiter.Permit permit = limiter.tryAcquire(chatId, to.group());
      if (!permit.granted()) {
        return new SendOutcome.Deferred(
            permit.notBefore(), permit.global(), false, permit.global() ? "overall limit" : "pace");
      }
      SendOutcome outcome = sendPart(entry, chatId, p);
      if (outcome != null) {
        return outcome;
      }
    }
    forget(entry.id(), p);
    return new SendOutcome.Sent(p.lastId);
  }

  /**
   * Sends the entry's next part. The answer to the last part is written down as sent the instant
   * the client reads it ({@link #execute}).
   *
   * @return null when the part went and more are to follow, else what became of the entry
   */
  private SendOutcome sendPart(OutboxEntry entry, String chatId, Progress p) {
    Address to = entry.message().to();
    boolean last = p.sent == p.parts.size() - 1;
    AnswerWrittenDown answer = last ? new AnswerWrittenDown(entry.id(), sentNow, clock) : null;
    try {
      Message sent = execute(request(chatId, entry.message(), p), answer);
      limiter.confirm(chatId, to.group());
      p.sent++;
      p.lastId = MessageIds.of(sent.getChatId(), sent.getMessageId());
      if (!last) {
        ledger.save(entry.id(), new PartLedger.Sent(p.sent, p.lastId));
        return null;
      }
      SendOutcome.Sent written = answer.finish();
      forget(entry.id(), p);
      return written != null ? written : new SendOutcome.Sent(p.lastId);
    } catch (TelegramApiRequestException e) {
      return settle(entry, failures.ofRequest(e, entry, to));
    } catch (TelegramApiException e) {
      SendOutcome.Sent written = answer == null ? null : answer.finish();
      if (written != null) {
        // Telegram took it and it is written down as sent; only the wait was cut short after.
        forget(entry.id(), p);
        return written;
      }
      if (e instanceof TelegramApiValidationException
          || e.getCause() instanceof TelegramApiValidationException) {
        // Refused by the client before any request (an empty text): it can never be sent.
        return settle(entry, new SendOutcome.Rejected("invalid message: " + e.getMessage()));
      }
      return failures.ofNetwork(e, entry);
    }
  }

  /**
   * Sends the request and waits for Telegram's answer. With {@code answer}, an answer that says
   * Telegram took the message is written down on the client's thread that read and parsed it, the
   * instant it did, before this thread is woken ({@link AnswerWrittenDown}). Otherwise as {@code
   * client.execute}: it is {@code executeAsync} and a wait, with the same exceptions.
   */
  private Message execute(SendMessage request, AnswerWrittenDown answer)
      throws TelegramApiException {
    CompletableFuture<Message> call;
    AnswerPeek.expect(answer);
    try {
      call = client.executeAsync(request);
    } finally {
      AnswerPeek.expect(null);
    }
    if (answer != null) {
      // Usually written down already, by AnswerPeek. Else: with SendingHttp the call has ended and
      // this runs at once; with a client of OkHttp's own threads, it runs on the thread that
      // completes the call, before this one wakes.
      call = call.whenComplete((sent, error) -> writeDown(answer, sent));
    }
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TelegramApiException("Unable to execute " + request.getMethod() + " method", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TelegramApiException telegram) {
        throw telegram;
      }
      throw new TelegramApiException(
          "Unable to execute " + request.getMethod() + " method", e.getCause());
    }
  }

  private static void writeDown(AnswerWrittenDown answer, Message sent) {
    if (sent == null) {
      return; // refused or failed: nothing was sent
    }
    try {
      answer.sent(MessageIds.of(sent.getChatId(), sent.getMessageId()));
    } catch (RuntimeException e) {
      // Only the head start is lost: the outbox writes the send down as it marks it.
      LOG.debug("writing a Telegram send down on the client's thread failed", e);
    }
  }

  /** The parts of an entry, and how many of them a run before this one already sent. */
  private Progress resumed(long outboxId, OutboundMessage message) {
    Progress p = new Progress(TextSplitter.split(message.text(), TextSplitter.TELEGRAM_LIMIT));
    ledger
        .load(outboxId)
        .filter(sent -> sent.parts() < p.parts.size())
        .ifPresent(
            sent -> {
              p.sent = sent.parts();
              p.lastId = sent.lastId();
            });
    return p;
  }

  private void forget(long outboxId, Progress p) {
    progress.remove(outboxId);
    if (p.parts.size() > 1) {
      ledger.clear(outboxId);
    }
  }

  private SendMessage request(String chatId, OutboundMessage message, Progress p) {
    var builder = SendMessage.builder().chatId(chatId).text(p.parts.get(p.sent));
    if (p.sent == 0) {
      Replies.replyParameters(message.inReplyTo(), chatId).ifPresent(builder::replyParameters);
    }
    if (p.sent == p.parts.size() - 1) {
      Replies.keyboard(message.choices()).ifPresent(builder::replyMarkup);
    }
    return builder.build();
  }

  /** Forgets a half-sent entry that will never be sent. */
  private SendOutcome settle(OutboxEntry entry, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Unreachable || outcome instanceof SendOutcome.Rejected) {
      Progress p = progress.get(entry.id());
      if (p != null) {
        forget(entry.id(), p);
      }
    }
    return outcome;
  }

  private void moved(String fromChat, String toChat) {
    movedChats.put(fromChat, toChat);
  }

  /** Ids of entries with parts sent and parts still to send (for tests and diagnostics). */
  List<Long> halfSent() {
    return new ArrayList<>(progress.keySet());
  }
}
