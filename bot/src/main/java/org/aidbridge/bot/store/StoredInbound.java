package org.aidbridge.bot.store;

import org.aidbridge.bot.model.InboundMessage;

/** An inbound message as kept in the inbox. */
public record StoredInbound(long id, InboundMessage message) {}
