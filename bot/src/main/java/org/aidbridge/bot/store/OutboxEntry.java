package org.aidbridge.bot.store;

import java.time.Instant;
import org.aidbridge.bot.model.OutboundMessage;

/**
 * An outbound message in the outbox.
 *
 * @param id the outbox id; channels use it to make their own message ids (email Message-ID)
 * @param message what to send
 * @param status pending, sent or undeliverable
 * @param createdAt when it was queued
 * @param notBefore not to be sent before this moment (rate limits, retries)
 * @param attempts how many times a send was deferred
 * @param channelMessageId the channel's id for the sent message, null until sent
 */
public record OutboxEntry(
    long id,
    OutboundMessage message,
    OutboxStatus status,
    Instant createdAt,
    Instant notBefore,
    int attempts,
    String channelMessageId) {}
