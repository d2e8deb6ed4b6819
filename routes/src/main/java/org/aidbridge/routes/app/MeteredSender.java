package org.aidbridge.routes.app;

import java.util.Set;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;

/**
 * A channel's sender, counted: each outcome by its class in {@link AppMetrics}, and the channel's
 * sending probe (for email, the SMTP send of {@code /health}) up after a send and down when the
 * whole channel must wait.
 *
 * <p>It must forward every method of {@link ChannelSender}: {@code MeteredSenderTest} fails when
 * the interface gains one this class does not override.
 */
final class MeteredSender implements ChannelSender {
  /**
   * The channels' words for waiting on their own pacing (Telegram's overall 30 a second): the
   * channel works, it is only busy, so the probe stays up.
   */
  private static final Set<String> OWN_PACING = Set.of("rate limit", "pacing direct messages");

  private final ChannelSender sender;
  private final AppMetrics metrics;
  private final ChannelProbe sending;

  MeteredSender(ChannelSender sender, AppMetrics metrics, ChannelProbe sending) {
    this.sender = sender;
    this.metrics = metrics;
    this.sending = sending;
  }

  @Override
  public Channel channel() {
    return sender.channel();
  }

  @Override
  public SendOutcome send(OutboxEntry entry) {
    SendOutcome outcome;
    try {
      outcome = sender.send(entry);
    } catch (RuntimeException e) {
      metrics.sendEnded(channel(), "failed");
      sending.down("send failed: " + e.getClass().getSimpleName());
      throw e;
    }
    metrics.sendEnded(channel(), resultClass(outcome));
    if (outcome instanceof SendOutcome.Sent) {
      sending.up();
    } else if (outcome instanceof SendOutcome.RetryAt retry
        && retry.wholeChannel()
        && !OWN_PACING.contains(retry.reason())) {
      sending.down(retry.reason());
    }
    return outcome;
  }

  /**
   * The outcome's class for {@code aidbridge_sends_total}. A platform's own "too many requests" is
   * told apart from our pacing by the channels' wording of it (Telegram's 429 with retry_after,
   * Signal's rate limit).
   */
  static String resultClass(SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Sent) {
      return "sent";
    }
    if (outcome instanceof SendOutcome.RetryAt retry) {
      return platformRateLimit(retry.reason()) ? "rate_limited" : "deferred";
    }
    if (outcome instanceof SendOutcome.Unreachable) {
      return "unreachable";
    }
    return "rejected";
  }

  private static boolean platformRateLimit(String reason) {
    return reason != null
        && (reason.startsWith("Telegram asked to wait") || reason.equals("rate limited by Signal"));
  }
}
