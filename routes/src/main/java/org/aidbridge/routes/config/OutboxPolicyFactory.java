package org.aidbridge.routes.config;

import java.time.Duration;
import org.aidbridge.bot.outbox.Backoff;
import org.aidbridge.bot.outbox.OutboxPolicy;

/** The outbox's retry policy from {@code outbox.lease.seconds} and {@code outbox.max.failures}. */
public final class OutboxPolicyFactory {
  private OutboxPolicyFactory() {}

  public static OutboxPolicy from(Settings settings) {
    int leaseSeconds =
        settings.integer("outbox.lease.seconds", (int) OutboxPolicy.DEFAULT.lease().toSeconds());
    int maxFailures = settings.integer("outbox.max.failures", OutboxPolicy.DEFAULT.maxFailures());
    if (leaseSeconds < 1) {
      throw new ConfigException("outbox.lease.seconds", "must be at least 1");
    }
    if (maxFailures < 1) {
      throw new ConfigException("outbox.max.failures", "must be at least 1");
    }
    return new OutboxPolicy(Duration.ofSeconds(leaseSeconds), maxFailures, Backoff.SEND);
  }
}
