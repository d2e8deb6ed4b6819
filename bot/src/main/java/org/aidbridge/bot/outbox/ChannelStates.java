package org.aidbridge.bot.outbox;

import java.util.Map;
import java.util.Optional;
import org.aidbridge.bot.model.Channel;

/**
 * The sending state of each channel, for a health endpoint: read-only, cheap, thread-safe. {@link
 * OutboxDispatcher} implements it; a channel it has not tried to send on yet has no state.
 */
public interface ChannelStates {

  Optional<ChannelState> stateOf(Channel channel);

  /** Every channel the outbox has sent on (or tried to), by channel. */
  Map<Channel, ChannelState> channelStates();
}
