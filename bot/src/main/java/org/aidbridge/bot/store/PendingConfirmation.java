package org.aidbridge.bot.store;

import java.time.Instant;
import org.aidbridge.bot.model.InboundMessage;

/**
 * A message that needs proof of its sender and came without it, waiting for the answer to the bot's
 * confirmation mail.
 *
 * @param id its number, the topic of the confirmation mail ties an answer back to it
 * @param message the message as it came (its proof is {@code NONE})
 * @param expiresAt after this an answer no longer runs it
 */
public record PendingConfirmation(long id, InboundMessage message, Instant expiresAt) {}
