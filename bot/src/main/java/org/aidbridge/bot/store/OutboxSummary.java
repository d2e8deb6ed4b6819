package org.aidbridge.bot.store;

import java.time.Instant;
import org.aidbridge.bot.model.Channel;

/**
 * How one channel's outbox stands.
 *
 * @param channel the channel
 * @param pending messages waiting to be sent
 * @param oldestPending when the oldest of them was queued, or null when none waits
 * @param undeliverable messages given up on that are still kept
 */
public record OutboxSummary(
    Channel channel, long pending, Instant oldestPending, long undeliverable) {}
