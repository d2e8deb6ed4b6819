package org.aidbridge.bot.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.RetainedRows;
import org.aidbridge.bot.store.RetentionPage;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work that time brings, run on a schedule by the application: listings expire, authors are
 * asked whether theirs are still wanted, unmet needs reach farther groups, digests go out, and old
 * messages are deleted.
 *
 * <p>A run is many short transactions, not one: a page of listings at a time (expiry, renewal
 * questions, escalation), one group's digest at a time, then the retention, a page of old rows at a
 * time. The database is free between them, so messages arriving meanwhile are handled instead of
 * waiting for the whole run (the first run over a large import expires tens of thousands of
 * listings, and the retention erases them a page at a time again when their time is up). Each
 * transaction queues its messages in the outbox together with the records that keep them from being
 * sent twice (the listing expired, the question marked asked, the ring recorded, the digest marked
 * sent), so a run cut short keeps the pages it finished, and the next run does the rest and nothing
 * twice.
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
   * was done is not done again. When it fails part-way, what it committed before stays done.
   *
   * @return the messages queued in the outbox
   */
  public List<OutboundMessage> run(Instant now) {
    Tally tally = new Tally(true);
    runInto(now, tally);
    return tally.kept;
  }

  /**
   * As {@link #run}, keeping none of the messages it queued in memory (the application's timer: the
   * first run after a large import queues thousands, all of them in the outbox already).
   *
   * @return how many messages it queued
   */
  public int runAndCount(Instant now) {
    Tally tally = new Tally(false);
    runInto(now, tally);
    return tally.queued;
  }

  private void runInto(Instant now, Tally tally) {
    inPages(after -> renewals.expirePage(now, after), now, tally);
    inPages(after -> renewals.askPage(now, after), now, tally);
    List<Subscription> subscriptions = store.subscriptions();
    inPages(after -> escalations.escalatePage(now, after, subscriptions), now, tally);
    for (Subscription s : subscriptions) {
      tally.add(store.inTransaction(() -> queue(digests.dueDigest(s, now), now)));
    }
    int deleted = applyRetention(now) + eraseClosedListings(now);
    if (tally.expired + deleted + tally.queued > 0) {
      LOG.info(
          "housekeeping: {} listing(s) expired, {} message(s) queued, {} old row(s) deleted",
          tally.expired,
          tally.queued,
          deleted);
    }
  }

  /** Runs {@code step} a page at a time, each page and its messages in a transaction of its own. */
  private void inPages(PageStep step, Instant now, Tally tally) {
    OptionalLong next = OptionalLong.of(0);
    while (next.isPresent()) {
      long after = next.getAsLong();
      WorkPage page =
          store.inTransaction(
              () -> {
                WorkPage done = step.after(after);
                queue(done.messages(), now);
                return done;
              });
      tally.expired += page.changed();
      tally.add(page.messages());
      next = page.next();
    }
  }

  private List<OutboundMessage> queue(List<OutboundMessage> messages, Instant now) {
    messages.forEach(m -> store.enqueue(m, now));
    return messages;
  }

  /** One page of a kind of work, starting after a listing id. */
  @FunctionalInterface
  private interface PageStep {
    WorkPage after(long afterId);
  }

  /** What a run did so far, for its log line and its answer. */
  private static final class Tally {
    private final List<OutboundMessage> kept; // null: counted only
    private int queued;
    private int expired;

    Tally(boolean keep) {
      kept = keep ? new ArrayList<>() : null;
    }

    void add(List<OutboundMessage> messages) {
      queued += messages.size();
      if (kept != null) {
        kept.addAll(messages);
      }
    }
  }

  /**
   * Deletes handled inbound messages and finished outbox entries older than the retention, a page
   * at a time, each page its own transaction (a busy day a month ago leaves hundreds of thousands);
   * then, in one short transaction, the last message to each forgotten person once it is sent, and
   * link codes and confirmations whose time is up. A run cut short keeps the pages it deleted.
   */
  private int applyRetention(Instant now) {
    Instant cutoff = now.minus(settings.inboundRetention());
    int deleted = 0;
    for (RetainedRows rows : RetainedRows.values()) {
      deleted += deleteInPages(rows, cutoff);
    }
    return deleted
        + store.inTransaction(
            () -> store.deleteSentOutboxAbout(Forgetting.TOPIC) + store.deleteExpiredProofs(now));
  }

  private int deleteInPages(RetainedRows rows, Instant cutoff) {
    return inPages(after -> store.deleteOldRows(rows, cutoff, after, Escalations.PAGE));
  }

  /**
   * Erases what identifies the authors of listings closed longer ago than the retention, a page at
   * a time, each page its own transaction: the retention after a mass expiry (an import, a
   * downtime) erases tens of thousands. A run cut short keeps the pages it erased; the next starts
   * over and finds only the rest, as erased listings leave the index the pages walk.
   */
  private int eraseClosedListings(Instant now) {
    Instant cutoff = now.minus(settings.inboundRetention());
    return inPages(after -> store.eraseClosedListingsBefore(cutoff, after, Escalations.PAGE));
  }

  /**
   * Runs {@code page} from the start of its order until a page says there is no more, each page in
   * a transaction of its own; returns how many rows the pages changed.
   */
  private int inPages(Function<RetentionPage.Cursor, RetentionPage> page) {
    int rows = 0;
    Optional<RetentionPage.Cursor> next = Optional.of(RetentionPage.Cursor.START);
    while (next.isPresent()) {
      RetentionPage.Cursor after = next.get();
      RetentionPage done = store.inTransaction(() -> page.apply(after));
      rows += done.rows();
      next = done.next();
    }
    return rows;
  }
}
