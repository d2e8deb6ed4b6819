package org.aidbridge.bot.service;

import java.util.List;
import java.util.OptionalLong;
import org.aidbridge.bot.model.OutboundMessage;

/**
 * What one page of housekeeping did, in one transaction: the messages to queue with it, how many
 * listings it changed, and the id the next page starts after (none when the work is done).
 */
record WorkPage(List<OutboundMessage> messages, int changed, OptionalLong next) {
  /** Nothing was left to do. */
  static final WorkPage DONE = new WorkPage(List.of(), 0, OptionalLong.empty());

  /** A page that ended at listing {@code lastId}: the next one starts after it. */
  static WorkPage upTo(long lastId, List<OutboundMessage> messages, int changed) {
    return new WorkPage(List.copyOf(messages), changed, OptionalLong.of(lastId));
  }
}
