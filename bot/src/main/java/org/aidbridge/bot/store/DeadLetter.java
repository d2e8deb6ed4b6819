package org.aidbridge.bot.store;

import java.time.Instant;
import org.aidbridge.bot.model.Channel;

/**
 * An outbox entry set aside after too many failures, as a coordinator sees it: no recipient and no
 * text, which may name a person.
 *
 * @param id the outbox id, to retry it
 * @param channel where it was to go
 * @param toGroup whether to a group (else to a person)
 * @param createdAt when it was queued
 * @param failures how many real failures it had
 * @param lastError the last failure, as the channel described it (without personal data)
 */
public record DeadLetter(
    long id, Channel channel, boolean toGroup, Instant createdAt, int failures, String lastError) {}
