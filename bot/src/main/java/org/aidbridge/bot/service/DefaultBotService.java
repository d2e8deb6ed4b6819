package org.aidbridge.bot.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoredInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox and outbox discipline around the {@link Responder}: a message is stored (and committed)
 * before anything is decided; the decision, its outbox entries and the "processed" mark are
 * committed together, so a crash at any point neither loses the message nor answers it twice.
 */
public final class DefaultBotService implements BotService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultBotService.class);
  private static final int RESUME_BATCH = 100;

  private final Store store;
  private final Responder responder;
  private final Replies replies;
  private final Clock clock;

  public DefaultBotService(Store store, Responder responder, Replies replies, Clock clock) {
    this.store = store;
    this.responder = responder;
    this.replies = replies;
    this.clock = clock;
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
  public List<OutboundMessage> handleAll(List<InboundMessage> messages) {
    return processBatch(store.recordInbound(messages));
  }

  @Override
  public int resumePending() {
    int handled = 0;
    List<StoredInbound> batch;
    while (!(batch = store.unprocessedInbound(RESUME_BATCH)).isEmpty()) {
      processBatch(batch);
      handled += batch.size();
    }
    if (handled > 0) {
      LOG.info("handled {} message(s) that were stored but not handled before a restart", handled);
    }
    return handled;
  }

  /**
   * Group commit: the whole batch in one transaction. If any message fails, the batch is undone and
   * each message is handled on its own (a failing one gets the apology), as if never batched.
   */
  private List<OutboundMessage> processBatch(List<StoredInbound> batch) {
    if (batch.size() == 1) {
      return process(batch.get(0).id(), batch.get(0).message());
    }
    try {
      return store.inTransaction(
          () -> {
            List<OutboundMessage> out = new ArrayList<>();
            batch.forEach(s -> out.addAll(respond(s.id(), s.message())));
            return out;
          });
    } catch (RuntimeException e) {
      List<OutboundMessage> out = new ArrayList<>();
      batch.forEach(s -> out.addAll(process(s.id(), s.message())));
      return out;
    }
  }

  private List<OutboundMessage> process(long inboxId, InboundMessage message) {
    try {
      return store.inTransaction(() -> respond(inboxId, message));
    } catch (RuntimeException e) {
      // A message that breaks the bot must not be retried forever nor stop the others: say sorry
      // (in private only) and move on. The stack trace is what a developer needs to fix it.
      LOG.error("handling inbox message {} failed", inboxId, e);
      return store.inTransaction(
          () -> {
            List<OutboundMessage> out = replies.sorry(message);
            out.forEach(o -> store.enqueue(o, clock.instant()));
            store.markProcessed(inboxId);
            return out;
          });
    }
  }

  /** Decides, queues the answers and marks the message processed, in the caller's transaction. */
  private List<OutboundMessage> respond(long inboxId, InboundMessage message) {
    // Whoever writes to the bot can be reached again, whatever bounced or failed before.
    store.setUnreachable(message.sender(), false);
    if (message.inGroup()) {
      store.setUnreachable(message.group(), false);
    }
    List<OutboundMessage> out = responder.respond(message);
    out.forEach(o -> store.enqueue(o, clock.instant()));
    store.markProcessed(inboxId);
    return out;
  }
}
