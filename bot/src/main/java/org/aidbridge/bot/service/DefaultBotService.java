package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.Backoff;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoreException;
import org.aidbridge.bot.store.StoredInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox and outbox discipline around the {@link Responder}: a message is stored (and committed)
 * before anything is decided; the decision, its outbox entries and the "processed" mark are
 * committed together, so a crash at any point neither loses the message nor answers it twice.
 *
 * <p>When handling fails the message stays in the inbox and is tried again later ({@link
 * #resumePending}). A passing store failure (the database busy or locked, a disk error) is retried
 * with backoff for as long as it lasts. Only a message that fails every time (a bug in handling it)
 * is given up on, after {@link #MAX_ATTEMPTS} attempts: its sender gets a kind answer and the
 * message is kept for an operator.
 */
public final class DefaultBotService implements BotService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultBotService.class);
  private static final int RESUME_BATCH = 100;

  /** Attempts at a message that fails by itself before it is given up on. */
  public static final int MAX_ATTEMPTS = 3;

  // A small backoff of its own until the outbox's shared policy exists.
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofMinutes(5);
  private static final Backoff INBOX_RETRY = new Backoff(FIRST_RETRY, LAST_RETRY);

  private final Store store;
  private final Responder responder;
  private final Replies replies;
  private final Clock clock;
  private final ChannelCopiesRegistry copies;
  private final AtomicInteger passingFailures = new AtomicInteger();

  /** How handling one stored message ended. */
  private enum Outcome {
    DONE,
    LATER,
    /** Not even the retry could be recorded: the store is failing now. */
    STORE_DOWN
  }

  public DefaultBotService(
      Store store,
      Responder responder,
      Replies replies,
      Clock clock,
      ChannelCopiesRegistry copies) {
    this.store = store;
    this.responder = responder;
    this.replies = replies;
    this.clock = clock;
    this.copies = copies;
  }

  @Override
  public void register(ChannelCopies channelCopies) {
    copies.register(channelCopies);
  }

  @Override
  public List<OutboundMessage> handle(InboundMessage message) {
    OptionalLong inboxId = store.recordInbound(message);
    if (inboxId.isEmpty()) {
      LOG.debug(
          "{} message {} was already handled", message.channel().id(), message.channelMessageId());
      return List.of();
    }
    return process(inboxId.getAsLong(), message);
  }

  @Override
  public List<OutboundMessage> handleAll(List<InboundMessage> messages, Runnable withStoring) {
    List<OutboundMessage> out = new ArrayList<>();
    attemptBatch(store.recordInbound(messages, withStoring), out);
    return out;
  }

  @Override
  public int resumePending() {
    int handled = 0;
    try {
      List<StoredInbound> batch;
      while (!(batch = store.dueInbound(clock.instant(), RESUME_BATCH)).isEmpty()) {
        if (attemptBatch(batch, new ArrayList<>()) == Outcome.STORE_DOWN) {
          return handled;
        }
        handled += batch.size();
      }
    } catch (StoreException e) {
      // The next pass tries again; the messages are safe in the inbox.
      LOG.warn("reading the inbox failed ({}); trying again later", e.getMessage());
    }
    return handled;
  }

  private List<OutboundMessage> process(long inboxId, InboundMessage message) {
    List<OutboundMessage> out = new ArrayList<>();
    attempt(inboxId, message, out);
    return out;
  }

  private Outcome attempt(long inboxId, InboundMessage message, List<OutboundMessage> out) {
    try {
      out.addAll(respond(inboxId, message));
      passingFailures.set(0);
      return Outcome.DONE;
    } catch (RuntimeException e) {
      return StoreException.isTransient(e)
          ? retryAfterPassingFailure(inboxId, e)
          : retryOrGiveUp(inboxId, message, e, out);
    }
  }

  private List<OutboundMessage> respond(long inboxId, InboundMessage message) {
    return store.inTransaction(() -> respondWithin(inboxId, message));
  }

  /**
   * The decision, its outbox entries and the processed mark; called inside a transaction, which
   * commits them together or undoes them all.
   */
  private List<OutboundMessage> respondWithin(long inboxId, InboundMessage message) {
    if (!store.markProcessed(inboxId)) {
      return List.of(); // handled meanwhile by another thread
    }
    // Whoever writes to the bot can be reached again, whatever bounced or failed before.
    store.setUnreachable(message.sender(), false);
    if (message.inGroup()) {
      store.setUnreachable(message.group(), false);
    }
    List<OutboundMessage> answers = responder.respond(message);
    store.enqueueAll(answers, clock.instant());
    return answers;
  }

  /** The database is busy or failing: not the message's fault, it waits and is tried again. */
  private Outcome retryAfterPassingFailure(long inboxId, RuntimeException e) {
    int failures = passingFailures.incrementAndGet();
    Duration wait = backoff(failures);
    if (failures == 1) {
      LOG.warn(
          "inbox message {} waits: the store failed ({}); retrying with backoff",
          inboxId,
          e.getMessage());
    } else {
      LOG.debug("inbox message {} waits {} more after a store failure", inboxId, wait, e);
    }
    try {
      store.retryInboundLater(inboxId, clock.instant().plus(wait), false);
      return Outcome.LATER;
    } catch (RuntimeException stillFailing) {
      // It stays due; the next pass of resumePending tries again.
      return Outcome.STORE_DOWN;
    }
  }

  /**
   * A failure of the message itself, most likely a bug: tried again a few times, then its sender is
   * told kindly (in private only) and the message is kept, never retried forever nor deleted.
   */
  private Outcome retryOrGiveUp(
      long inboxId, InboundMessage message, RuntimeException e, List<OutboundMessage> out) {
    // The stack trace is what a developer needs to fix it.
    LOG.error("handling inbox message {} failed", inboxId, e);
    try {
      int attempts = store.retryInboundLater(inboxId, clock.instant(), true);
      if (attempts < MAX_ATTEMPTS) {
        store.retryInboundLater(inboxId, clock.instant().plus(backoff(attempts)), false);
        return Outcome.LATER;
      }
      out.addAll(giveUp(inboxId, message, attempts));
      return Outcome.DONE;
    } catch (RuntimeException storeFailed) {
      return Outcome.STORE_DOWN;
    }
  }

  private List<OutboundMessage> giveUp(long inboxId, InboundMessage message, int attempts) {
    List<OutboundMessage> sorry =
        store.inTransaction(
            () -> {
              if (!store.giveUpInbound(inboxId)) {
                return List.<OutboundMessage>of();
              }
              List<OutboundMessage> answers = replies.sorry(message);
              store.enqueueAll(answers, clock.instant());
              return answers;
            });
    LOG.error(
        "gave up on inbox message {} after {} failed attempts; it is kept for an operator",
        inboxId,
        attempts);
    return sorry;
  }

  /** 1 s, 2 s, 4 s ... at most 5 minutes. */
  static Duration backoff(int failures) {
    return INBOX_RETRY.delay(failures - 1);
  }

  /**
   * A batch of stored messages, handled together while another thread reads their texts ahead
   * ({@link ParseAhead}); one message as ever.
   */
  private Outcome attemptBatch(List<StoredInbound> batch, List<OutboundMessage> out) {
    if (batch.size() == 1) {
      return attempt(batch.get(0).id(), batch.get(0).message(), out);
    }
    try (ParseAhead.Batch readAhead = responder.readAhead(messagesOf(batch))) {
      return attemptTogether(batch, out);
    }
  }

  private static List<InboundMessage> messagesOf(List<StoredInbound> batch) {
    List<InboundMessage> messages = new ArrayList<>(batch.size());
    batch.forEach(stored -> messages.add(stored.message()));
    return messages;
  }

  /**
   * Group commit: a batch of stored messages handled in one transaction, so one sync of the disk
   * serves them all. If any of them fails, the batch is undone and each is attempted on its own,
   * with the retries and kind answer of a single message. (So no message of a batch needs a
   * savepoint of its own: a failure undoes the whole transaction anyway.)
   */
  private Outcome attemptTogether(List<StoredInbound> batch, List<OutboundMessage> out) {
    try {
      out.addAll(
          store.inTransaction(
              () -> {
                List<OutboundMessage> answers = new ArrayList<>();
                batch.forEach(s -> answers.addAll(respondWithin(s.id(), s.message())));
                return answers;
              }));
      passingFailures.set(0);
      return Outcome.DONE;
    } catch (RuntimeException e) {
      for (StoredInbound stored : batch) {
        if (attempt(stored.id(), stored.message(), out) == Outcome.STORE_DOWN) {
          return Outcome.STORE_DOWN;
        }
      }
      return Outcome.DONE;
    }
  }
}
