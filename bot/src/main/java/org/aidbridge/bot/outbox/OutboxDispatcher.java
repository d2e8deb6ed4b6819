package org.aidbridge.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox of one channel through its sender, and records what became of each entry.
 *
 * <p>Order per recipient is kept: when one message to a chat must wait, every later one to that
 * chat waits too. A failure of one entry never stops the others.
 */
public final class OutboxDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  private final Store store;
  private final Clock clock;
  private final Map<Channel, Instant> pausedUntil = new ConcurrentHashMap<>();

  public OutboxDispatcher(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Sends what is due on the sender's channel, at most {@code max} entries.
   *
   * @return how many were sent
   */
  public int drain(ChannelSender sender, int max) {
    Channel channel = sender.channel();
    if (isPaused(channel)) {
      return 0;
    }
    List<OutboxEntry> due = store.dueOutbox(channel, clock.instant(), max);
    Set<Address> waiting = new HashSet<>();
    int sent = 0;
    for (OutboxEntry entry : due) {
      Address to = entry.message().to();
      if (waiting.contains(to)) {
        continue;
      }
      if (store.isUnreachable(to)) {
        store.markUndeliverable(entry.id(), "recipient unreachable");
        continue;
      }
      SendOutcome outcome = attempt(sender, entry);
      if (outcome instanceof SendOutcome.Sent s) {
        store.markSent(entry.id(), s.channelMessageId(), clock.instant());
        sent++;
      } else if (outcome instanceof SendOutcome.RetryAt retry) {
        store.deferRecipient(to, retry.notBefore(), retry.reason());
        waiting.add(to);
        if (retry.wholeChannel()) {
          pause(channel, retry.notBefore());
          LOG.warn(
              "{} sending paused until {}: {}", channel.id(), retry.notBefore(), retry.reason());
          break;
        }
      } else if (outcome instanceof SendOutcome.Unreachable u) {
        giveUpOn(to, entry, u.reason());
      } else if (outcome instanceof SendOutcome.Rejected r) {
        LOG.warn("{} rejected outbox entry {}: {}", channel.id(), entry.id(), r.reason());
        store.markUndeliverable(entry.id(), r.reason());
      }
    }
    return sent;
  }

  /** Stops all sending on a channel until the given moment (a captcha, a global rate limit). */
  public void pause(Channel channel, Instant until) {
    pausedUntil.merge(channel, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  public boolean isPaused(Channel channel) {
    Instant until = pausedUntil.get(channel);
    return until != null && clock.instant().isBefore(until);
  }

  private SendOutcome attempt(ChannelSender sender, OutboxEntry entry) {
    try {
      return sender.send(entry);
    } catch (RuntimeException e) {
      // An unexpected failure is treated as passing: try again later, with growing pauses.
      Instant retry = clock.instant().plus(backoff(entry.attempts()));
      // A channel's exception message may quote the recipient: only its type at WARN.
      LOG.warn(
          "sending outbox entry {} failed ({}), retrying at {}",
          entry.id(),
          e.getClass().getSimpleName(),
          retry);
      LOG.debug("sending outbox entry {} failed", entry.id(), e);
      return new SendOutcome.RetryAt(retry, false, e.getClass().getSimpleName());
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

  /** 2, 4, 8 ... seconds, at most ten minutes. */
  static Duration backoff(int attempts) {
    long seconds = 1L << Math.min(Math.max(attempts, 0) + 1, 20);
    Duration d = Duration.ofSeconds(seconds);
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
