package org.aidbridge.routes.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing about a channel that works or does not: Telegram's polling, the Signal connection, an
 * IMAP poll, an SMTP send. The channel reports each success and failure as it happens; the health
 * endpoint reads the state. Thread-safe: reports come from the channels' own threads.
 *
 * <p>A probe of something that repeats (a poll) also goes down when no success came for longer than
 * it should take: a poller that died without a word reports nothing, and silence must not read as
 * health.
 */
public final class ChannelProbe {
  private final String name;
  private final Clock clock;
  private final Duration staleAfter;
  private final boolean receiving;
  private Instant lastSuccess;
  private Instant downSince;
  private String reason;

  /**
   * @param upAtStart false for what must first succeed to count as working (a connection, a poll):
   *     it is down from the start until then; true for what only a failure can put down (a send)
   * @param staleAfter for something that repeats, how long without a success means it stopped; null
   *     for what happens only when needed
   */
  ChannelProbe(String name, Clock clock, boolean upAtStart, Duration staleAfter) {
    this.name = name;
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.receiving = !upAtStart;
    if (!upAtStart) {
      this.downSince = clock.instant();
      this.reason = "not yet";
    }
  }

  /**
   * Whether it watches what takes messages in (a connection, a poll: what must first succeed),
   * which only the instance leading the channel does; the others are about sending.
   */
  boolean receiving() {
    return receiving;
  }

  /** Down until its next success, as at the start: this instance just began taking messages in. */
  synchronized void rearm() {
    downSince = clock.instant();
    reason = "not yet";
  }

  /** It worked just now. */
  public synchronized void up() {
    lastSuccess = clock.instant();
    downSince = null;
    reason = null;
  }

  /**
   * It failed just now. {@code why} is shown on the health endpoint: no address or personal data,
   * only what kind of failure it was.
   */
  public synchronized void down(String why) {
    if (downSince == null) {
      downSince = clock.instant();
    }
    reason = why;
  }

  public String name() {
    return name;
  }

  public synchronized boolean isUp() {
    return downSince(clock.instant()) == null;
  }

  /** Whether it has been down for longer than {@code threshold} at {@code now}. */
  synchronized boolean downLongerThan(Duration threshold, Instant now) {
    Instant since = downSince(now);
    return since != null && Duration.between(since, now).compareTo(threshold) > 0;
  }

  /** The state as the health endpoint shows it. */
  synchronized Map<String, Object> view() {
    Instant since = downSince(clock.instant());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("up", since == null);
    view.put("last_success", lastSuccess == null ? null : lastSuccess.toString());
    if (since != null) {
      view.put("down_since", since.toString());
      view.put(
          "reason", downSince != null ? reason : "no success for " + staleAfter.toSeconds() + " s");
    }
    return view;
  }

  /** Since when it is down at {@code now}: reported down, or silent for too long; null if up. */
  private Instant downSince(Instant now) {
    if (downSince != null) {
      return downSince;
    }
    if (staleAfter != null && lastSuccess != null && now.isAfter(lastSuccess.plus(staleAfter))) {
      return lastSuccess.plus(staleAfter);
    }
    return null;
  }
}
