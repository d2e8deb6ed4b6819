package org.aidbridge.bot.store;

import java.time.Instant;
import org.aidbridge.bot.model.Channel;

/**
 * What a channel received, kept as it came (a Signal notification, a Telegram update as JSON) until
 * it has been translated and handed to the bot.
 *
 * @param attempts how many times handling it failed so far
 */
public record RawInbound(
    long id, Channel channel, String payload, Instant receivedAt, int attempts) {}
