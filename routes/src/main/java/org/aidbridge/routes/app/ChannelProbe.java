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
 */
public final class ChannelProbe {
  private final String name;
  private final Clock clock;
  private Instant lastSuccess;
  private Instant downSince;
  private String reason;

  /**
   * @param upAtStart false for what must first succeed to count as working (a connection, a poll):
   *     it is down from the start until then; true for what only a failure can put down (a send)
   */
  ChannelProbe(String name, Clock clock, boolean upAtStart) {
    this.name = name;
    this.clock = clock;
    if (!upAtStart) {
      this.downSince = clock.instant();
      this.reason = "not yet";
    }
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
    return downSince == null;
  }

  /** Whether it has been down for longer than {@code threshold} at {@code now}. */
  synchronized boolean downLongerThan(Duration threshold, Instant now) {
    return downSince != null && Duration.between(downSince, now).compareTo(threshold) > 0;
  }

  /** The state as the health endpoint shows it. */
  synchronized Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("up", downSince == null);
    view.put("last_success", lastSuccess == null ? null : lastSuccess.toString());
    if (downSince != null) {
      view.put("down_since", downSince.toString());
      view.put("reason", reason);
    }
    return view;
  }
}
