package org.aidbridge.routes.app;

import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.aidbridge.bot.outbox.SendOutcome;
import org.aidbridge.bot.store.OutboxEntry;

/**
 * A channel's sender, watched: the channel's sending probe (for email, the SMTP send of {@code
 * /health}) goes up after a send and down when the channel itself is unwell or misconfigured. The
 * sends are counted by the outbox itself ({@link AppMetrics#outboxStats()}), which knows resends
 * and dead letters too.
 *
 * <p>It must forward every method of {@link ChannelSender}: {@code MeteredSenderTest} fails when
 * the interface gains one this class does not override (forgetting {@code endOfDrain} would keep
 * SMTP connections open).
 */
final class MeteredSender implements ChannelSender {
  private final ChannelSender sender;
  private final ChannelProbe sending;

  MeteredSender(ChannelSender sender, ChannelProbe sending) {
    this.sender = sender;
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
      sending.down("send failed: " + e.getClass().getSimpleName());
      throw e;
    }
    if (outcome instanceof SendOutcome.Sent) {
      sending.up();
    } else if (outcome instanceof SendOutcome.Misconfigured wrong) {
      sending.down("misconfigured: " + wrong.reason());
    } else if (outcome instanceof SendOutcome.Failed failed && failed.wholeChannel()) {
      sending.down(failed.reason());
    }
    // A Deferred outcome is pacing or a platform's rate limit: the channel works, it is busy.
    return outcome;
  }

  @Override
  public void endOfDrain() {
    sender.endOfDrain();
  }
}
