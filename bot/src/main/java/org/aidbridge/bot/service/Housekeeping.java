package org.aidbridge.bot.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work that time brings, run on a schedule by the application: listings expire, authors are
 * asked whether theirs are still wanted, unmet needs reach farther groups, digests go out, and old
 * messages are deleted. Everything one run decides is queued in the outbox in the same transaction
 * as the records that keep it from being done twice.
 */
public final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final Store store;
  private final Renewals renewals;
  private final Escalations escalations;
  private final Digests digests;
  private final BotSettings settings;

  public Housekeeping(
      Store store,
      Renewals renewals,
      Escalations escalations,
      Digests digests,
      BotSettings settings) {
    this.store = store;
    this.renewals = renewals;
    this.escalations = escalations;
    this.digests = digests;
    this.settings = settings;
  }

  /**
   * Does what is due at {@code now}. Safe to call as often as wished (every minute is plenty): what
   * was done is not done again.
   *
   * @return the messages queued in the outbox
   */
  public List<OutboundMessage> run(Instant now) {
    return store.inTransaction(
        () -> {
          int expired = renewals.expire(now);
          List<OutboundMessage> out = new ArrayList<>(renewals.ask(now));
          out.addAll(escalations.escalate(now));
          out.addAll(digests.dueDigests(now));
          out.forEach(o -> store.enqueue(o, now));
          int deleted = applyRetention(now);
          if (expired + deleted + out.size() > 0) {
            LOG.info(
                "housekeeping: {} listing(s) expired, {} message(s) queued, {} old row(s) deleted",
                expired,
                out.size(),
                deleted);
          }
          return out;
        });
  }

  /**
   * Deletes processed inbound messages and finished outbox entries older than the retention, the
   * last message to each forgotten person once it is sent, and what identifies the authors of
   * listings closed longer ago than the retention; link codes and confirmations whose time is up.
   */
  private int applyRetention(Instant now) {
    Instant cutoff = now.minus(settings.inboundRetention());
    return store.deleteProcessedInboundBefore(cutoff)
        + store.deleteFinishedOutboxBefore(cutoff)
        + store.deleteSentOutboxAbout(Forgetting.TOPIC)
        + store.eraseClosedListingsBefore(cutoff)
        + store.deleteExpiredProofs(now);
  }
}
