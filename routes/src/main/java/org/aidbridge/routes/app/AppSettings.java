package org.aidbridge.routes.app;

import java.time.Duration;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;

/**
 * The running application's own settings (the channels and the core have theirs), read and
 * validated once at startup.
 *
 * @param httpPort port of {@code /health} and {@code /metrics}: 0 picks a free one, -1 turns them
 *     off
 * @param httpHost the address they listen on
 * @param outboxPoll how often each channel's outbox is drained
 * @param housekeepingPeriod how often expiry, renewals, escalation, digests and retention run
 * @param healthDownAfter how long a channel may be down before {@code /health} answers 503
 * @param snapshotPeriod how often the match index's snapshot is written again, if the listings
 *     changed
 */
public record AppSettings(
    int httpPort,
    String httpHost,
    Duration outboxPoll,
    Duration housekeepingPeriod,
    Duration healthDownAfter,
    Duration snapshotPeriod) {

  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_HOST = "http.host";
  public static final String OUTBOX_POLL_MS = "outbox.poll.ms";
  public static final String HOUSEKEEPING_PERIOD_MS = "housekeeping.period.ms";
  public static final String HEALTH_DOWN_AFTER_SECONDS = "health.down.after.seconds";
  public static final String SNAPSHOT_PERIOD_MS = "match.index.snapshot.period.ms";

  /**
   * Reads and validates the application's settings.
   *
   * @throws ConfigException naming the first key that is wrong
   */
  public static AppSettings from(Settings settings) {
    int port = settings.integer(HTTP_PORT, 8080);
    if (port < -1 || port > 65535) {
      throw new ConfigException(HTTP_PORT, "must be a port (0 picks a free one, -1 turns it off)");
    }
    String host = settings.string(HTTP_HOST, "127.0.0.1");
    return new AppSettings(
        port,
        host,
        Duration.ofMillis(settings.integerAtLeast(OUTBOX_POLL_MS, 500, 1)),
        Duration.ofMillis(settings.integerAtLeast(HOUSEKEEPING_PERIOD_MS, 60_000, 1)),
        Duration.ofSeconds(settings.integerAtLeast(HEALTH_DOWN_AFTER_SECONDS, 120, 0)),
        Duration.ofMillis(settings.integerAtLeast(SNAPSHOT_PERIOD_MS, 600_000, 1_000)));
  }

  /** Whether {@code /health} and {@code /metrics} are served. */
  public boolean httpOn() {
    return httpPort != -1;
  }
}
