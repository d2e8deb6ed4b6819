package org.aidbridge.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox of one channel through its sender, and records what became of each entry.
 *
 * <p>Each entry is claimed in the store (a lease) before it is sent and marked sent after: an entry
 * whose send was cut short by a crash is found claimed with its lease run out and sent once more,
 * as a resend (logged and counted). When the channel took a message but the store cannot record it
 * (busy, read-only), the dispatcher remembers it and records it later instead of sending it again.
 *
 * <p>Order per recipient is kept: when one message to a chat must wait, every later one to that
 * chat waits too. A failure of one entry never stops the others; after {@link
 * OutboxPolicy#maxFailures()} failures an entry is set aside as a dead letter, so it cannot block
 * its recipient for good. Deferrals (pacing, rate limits) are not failures.
 */
public final class OutboxDispatcher implements ChannelStates {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** How long {@link #drainFor} waits, at most, for a chat or the channel to be free again. */
  private static final Duration SOON = Duration.ofMillis(1500);

  /** Waits until a moment, by the dispatcher's clock; replaced in tests of the waiting. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepUntil(Instant moment) throws InterruptedException;
  }

  /** A send the channel took but the store could not record yet. */
  private record Unrecorded(String channelMessageId, Instant at) {}

  /** What one pass over the due entries did; {@code nextFree} is when more may go, or null. */
  private record Round(int sent, Instant nextFree) {}

  private final Store store;
  private final Clock clock;
  private final OutboxPolicy policy;
  private final OutboxStats stats;
  private final Sleeper sleeper;
  private final Map<Channel, Instant> pausedUntil = new ConcurrentHashMap<>();
  private final Map<Channel, Integer> channelFailures = new ConcurrentHashMap<>();
  private final Map<Channel, ChannelState> states = new ConcurrentHashMap<>();
  private final Map<Long, Unrecorded> unrecorded = new ConcurrentHashMap<>();
  private final LeaseKeeper leases;

  public OutboxDispatcher(Store store, Clock clock) {
    this(store, clock, OutboxPolicy.DEFAULT, OutboxStats.NONE);
  }

  public OutboxDispatcher(Store store, Clock clock, OutboxPolicy policy, OutboxStats stats) {
    this(store, clock, policy, stats, until -> sleepBy(clock, until));
  }

  public OutboxDispatcher(
      Store store, Clock clock, OutboxPolicy policy, OutboxStats stats, Sleeper sleeper) {
    this.store = store;
    this.clock = clock;
    this.policy = policy;
    this.stats = stats;
    this.sleeper = sleeper;
    this.leases = new LeaseKeeper(store, clock, policy.lease());
  }

  /**
   * Sends what is due on the sender's channel, at most {@code max} entries, without waiting.
   *
   * @return how many were sent
   */
  public int drain(ChannelSender sender, int max) {
    try {
      return round(sender, max, null).sent();
    } finally {
      sender.endOfDrain();
    }
  }

  /**
   * Sends in rounds of at most {@code batch} for up to {@code budget}: as long as entries are sent,
   * and, when none could go, by waiting for the moment the first chat or the channel is free again
   * if that is soon. So a backlog leaves at the pace the channel allows, not at the timer's.
   *
   * @return how many were sent
   */
  public int drainFor(ChannelSender sender, int batch, Duration budget) {
    try {
      return drainRounds(sender, batch, budget);
    } finally {
      sender.endOfDrain();
    }
  }

  private int drainRounds(ChannelSender sender, int batch, Duration budget) {
    Instant end = clock.instant().plus(budget);
    int total = 0;
    Instant next = null; // the first moment a chat held back since the last wait is free
    while (clock.instant().isBefore(end)) {
      Round round = round(sender, batch, end);
      total += round.sent();
      if (round.nextFree() != null) {
        next = earliest(next, round.nextFree());
      }
      if (round.sent() > 0) {
        continue;
      }
      if (next == null || next.isAfter(end) || next.isAfter(clock.instant().plus(SOON))) {
        break;
      }
      try {
        sleeper.sleepUntil(next);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      next = null;
    }
    return total;
  }

  /** Stops all sending on a channel until the given moment (a captcha, a global rate limit). */
  public void pause(Channel channel, Instant until) {
    pausedUntil.merge(channel, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  public boolean isPaused(Channel channel) {
    Instant until = pausedUntil.get(channel);
    return until != null && clock.instant().isBefore(until);
  }

  @Override
  public Optional<ChannelState> stateOf(Channel channel) {
    return Optional.ofNullable(states.get(channel));
  }

  @Override
  public Map<Channel, ChannelState> channelStates() {
    return Map.copyOf(states);
  }

  /**
   * One pass over the due entries. With {@code waitUntil}, a pause the channel asks for on its own
   * (its overall rate, never a platform's refusal) that ends soon and before {@code waitUntil} is
   * waited out with the entry in hand, instead of ending the round: at the overall limit, each
   * message goes the moment a slot frees.
   */
  private Round round(ChannelSender sender, int max, Instant waitUntil) {
    Channel channel = sender.channel();
    if (!recordUnrecorded()) {
      return new Round(0, null);
    }
    if (isPaused(channel)) {
      return new Round(0, pausedUntil.get(channel));
    }
    Instant now = clock.instant();
    List<OutboxEntry> due = store.dueOutbox(channel, now, max);
    Set<Address> waiting = new HashSet<>();
    int sent = 0;
    Instant nextFree = null;
    for (OutboxEntry entry : due) {
      Address to = entry.message().to();
      if (unrecorded.containsKey(entry.id())) {
        waiting.add(to); // sent already; later entries to the same chat keep their place
        continue;
      }
      if (waiting.contains(to)) {
        continue;
      }
      if (store.isUnreachable(to)) {
        store.markUndeliverable(entry.id(), "recipient unreachable");
        continue;
      }
      if (!claim(entry)) {
        continue;
      }
      SendOutcome outcome;
      // The lease is renewed for as long as the entry is in hand, however long its send takes.
      try (LeaseKeeper.Held held = leases.hold(entry.id())) {
        outcome = attempt(sender, entry);
        while (waitsBriefly(outcome, waitUntil) && sleptUntil(((SendOutcome.Deferred) outcome))) {
          outcome = attempt(sender, entry);
        }
      }
      Step step = settle(channel, entry, outcome);
      if (step.sent()) {
        sent++;
      }
      if (step.waitsUntil() != null) {
        waiting.add(to);
        nextFree = earliest(nextFree, step.waitsUntil());
      }
      if (step.stopsChannel()) {
        break;
      }
    }
    return new Round(sent, nextFree);
  }

  private boolean waitsBriefly(SendOutcome outcome, Instant waitUntil) {
    return waitUntil != null
        && outcome instanceof SendOutcome.Deferred d
        && d.wholeChannel()
        && !d.byPlatform()
        && !d.notBefore().isAfter(waitUntil)
        && !d.notBefore().isAfter(clock.instant().plus(SOON));
  }

  private boolean sleptUntil(SendOutcome.Deferred deferred) {
    try {
      sleeper.sleepUntil(deferred.notBefore());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What one outcome means for the round. */
  private record Step(boolean sent, Instant waitsUntil, boolean stopsChannel) {
    static final Step SENT = new Step(true, null, false);
    static final Step DONE = new Step(false, null, false);
  }

  private boolean claim(OutboxEntry entry) {
    Instant now = clock.instant();
    if (!store.claimOutbox(entry.id(), now, now.plus(policy.lease()))) {
      return false;
    }
    if (entry.status() == OutboxStatus.SENDING) {
      Channel channel = entry.message().to().channel();
      // No recipient, no text: which entry, and why it may arrive twice.
      LOG.info(
          "{} outbox entry {} is sent again: an earlier send was interrupted before it was"
              + " recorded",
          channel.id(),
          entry.id());
      stats.resent(channel);
    }
    return true;
  }

  private Step settle(Channel channel, OutboxEntry entry, SendOutcome outcome) {
    Instant now = clock.instant();
    if (outcome instanceof SendOutcome.Sent s) {
      // Written down first (the store's journal), before anything else: until then a kill sends it
      // again after the restart.
      boolean recorded = record(entry.id(), s.channelMessageId(), s.at() == null ? now : s.at());
      stats.sendEnded(channel, OutboxStats.Result.SENT);
      channelWorks(channel, now);
      // A store that cannot record is unwell: send nothing more until it records again.
      return recorded ? Step.SENT : new Step(true, null, true);
    }
    if (outcome instanceof SendOutcome.Deferred d) {
      stats.sendEnded(
          channel, d.byPlatform() ? OutboxStats.Result.RATE_LIMITED : OutboxStats.Result.DEFERRED);
      return defer(channel, entry, d);
    }
    if (outcome instanceof SendOutcome.Failed f) {
      stats.sendEnded(channel, OutboxStats.Result.FAILED);
      return f.wholeChannel() ? channelFailed(channel, entry, f.reason()) : failed(entry, f);
    }
    if (outcome instanceof SendOutcome.Misconfigured m) {
      stats.sendEnded(channel, OutboxStats.Result.MISCONFIGURED);
      return misconfigured(channel, entry, m.reason());
    }
    if (outcome instanceof SendOutcome.Unreachable u) {
      stats.sendEnded(channel, OutboxStats.Result.UNREACHABLE);
      giveUpOn(entry.message().to(), entry, u.reason());
    } else if (outcome instanceof SendOutcome.Rejected r) {
      stats.sendEnded(channel, OutboxStats.Result.REJECTED);
      LOG.warn("{} rejected outbox entry {}: {}", channel.id(), entry.id(), r.reason());
      store.markUndeliverable(entry.id(), r.reason());
    }
    return Step.DONE;
  }

  private Step defer(Channel channel, OutboxEntry entry, SendOutcome.Deferred d) {
    if (d.wholeChannel()) {
      pause(channel, d.notBefore());
      store.releaseOutbox(entry.id(), d.reason());
      if (d.byPlatform()) {
        LOG.warn("{} sending paused until {}: {}", channel.id(), d.notBefore(), d.reason());
      }
      return new Step(false, d.notBefore(), true);
    }
    store.deferRecipient(entry.message().to(), d.notBefore(), d.reason());
    return new Step(false, d.notBefore(), false);
  }

  /** This entry failed: it waits by the backoff, or is set aside when it failed too often. */
  private Step failed(OutboxEntry entry, SendOutcome.Failed f) {
    int failures = entry.attempts() + 1;
    Channel channel = entry.message().to().channel();
    if (failures >= policy.maxFailures()) {
      store.markDeadLetter(entry.id(), f.reason());
      stats.deadLettered(channel);
      LOG.warn(
          "{} outbox entry {} set aside as a dead letter after {} failures ({}); a coordinator"
              + " can retry it",
          channel.id(),
          entry.id(),
          failures,
          f.reason());
      return Step.DONE;
    }
    Instant retry = clock.instant().plus(policy.backoff().delay(entry.attempts()));
    store.recordOutboxFailure(entry.id(), retry, f.reason());
    LOG.warn(
        "{} outbox entry {} failed ({}), retrying at {}",
        channel.id(),
        entry.id(),
        f.reason(),
        retry);
    return new Step(false, retry, false);
  }

  /** The channel as a whole failed: it pauses by the backoff; the entry is not to blame. */
  private Step channelFailed(Channel channel, OutboxEntry entry, String reason) {
    int failures = channelFailures.merge(channel, 1, Integer::sum);
    Instant until = clock.instant().plus(policy.backoff().delay(failures - 1));
    pause(channel, until);
    store.releaseOutbox(entry.id(), reason);
    enter(channel, ChannelState.Condition.RETRYING, reason, until);
    LOG.warn("{} sending fails ({}), paused until {}", channel.id(), reason, until);
    return new Step(false, until, true);
  }

  private Step misconfigured(Channel channel, OutboxEntry entry, String reason) {
    int failures = channelFailures.merge(channel, 1, Integer::sum);
    Instant until = clock.instant().plus(Backoff.MISCONFIGURED.delay(failures - 1));
    pause(channel, until);
    store.releaseOutbox(entry.id(), reason);
    boolean news = enter(channel, ChannelState.Condition.MISCONFIGURED, reason, until);
    if (news) {
      LOG.error(
          "{} sending is paused, nothing is lost: the configuration is wrong ({}); trying again"
              + " at {}",
          channel.id(),
          reason,
          until);
    } else {
      LOG.warn("{} still misconfigured ({}); trying again at {}", channel.id(), reason, until);
    }
    return new Step(false, until, true);
  }

  /**
   * Sets the channel's condition.
   *
   * @return whether it changed
   */
  private boolean enter(
      Channel channel, ChannelState.Condition condition, String reason, Instant until) {
    ChannelState before = states.get(channel);
    boolean changed = before == null || before.condition() != condition;
    Instant since = changed ? clock.instant() : before.since();
    Instant lastSent = before == null ? null : before.lastSent();
    states.put(channel, new ChannelState(channel, condition, reason, since, until, lastSent));
    return changed;
  }

  private void channelWorks(Channel channel, Instant now) {
    channelFailures.remove(channel);
    ChannelState before = states.get(channel);
    if (before != null && !before.healthy()) {
      LOG.info("{} sends again (was {})", channel.id(), before.condition());
    }
    Instant since = before == null || !before.healthy() ? now : before.since();
    states.put(
        channel, new ChannelState(channel, ChannelState.Condition.SENDING, null, since, null, now));
  }

  /**
   * Marks a sent entry; when the store refuses, remembers it so it is not sent again.
   *
   * @return whether it was recorded
   */
  private boolean record(long id, String channelMessageId, Instant at) {
    try {
      store.markSent(id, channelMessageId, at);
      return true;
    } catch (StoreException e) {
      unrecorded.put(id, new Unrecorded(channelMessageId, at));
      LOG.warn("outbox entry {} was sent but could not be recorded yet: {}", id, e.getMessage());
      return false;
    }
  }

  /**
   * Records the sends the store refused before (one deleted meanwhile, by {@code forget}, needs no
   * record).
   *
   * @return false while the store still refuses: then nothing more is sent
   */
  private boolean recordUnrecorded() {
    for (Map.Entry<Long, Unrecorded> e : unrecorded.entrySet()) {
      try {
        if (store.outboxEntry(e.getKey()).isPresent()) {
          store.markSent(e.getKey(), e.getValue().channelMessageId(), e.getValue().at());
        }
        unrecorded.remove(e.getKey());
      } catch (StoreException stillFailing) {
        return false;
      }
    }
    return true;
  }

  private SendOutcome attempt(ChannelSender sender, OutboxEntry entry) {
    try {
      return sender.send(entry);
    } catch (RuntimeException e) {
      // An unexpected failure is treated as passing. A channel's exception message may quote the
      // recipient: only its type at WARN.
      LOG.debug("sending outbox entry {} failed", entry.id(), e);
      return new SendOutcome.Failed(e.getClass().getSimpleName(), false);
    }
  }

  private void giveUpOn(Address to, OutboxEntry entry, String reason) {
    LOG.info("{} is unreachable ({}); its subscription, if any, ends", to, reason);
    store.inTransaction(
        () -> {
          store.markUndeliverable(entry.id(), reason);
          store.setUnreachable(to, true);
          if (to.group()) {
            store.deleteSubscription(to);
          }
        });
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static void sleepBy(Clock clock, Instant until) throws InterruptedException {
    long nanos = Duration.between(clock.instant(), until).toNanos();
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } else {
      Thread.yield();
    }
  }
}
