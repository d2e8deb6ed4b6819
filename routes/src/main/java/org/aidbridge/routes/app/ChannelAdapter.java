package org.aidbridge.routes.app;

import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.outbox.ChannelSender;
import org.apache.camel.RoutesBuilder;

/**
 * One channel at the edge: the routes that bring its messages in (translated to the core's model
 * and handed to the {@code BotService}) and the sender that delivers its outbox.
 */
public interface ChannelAdapter extends AutoCloseable {

  Channel channel();

  /** The Camel routes of this channel. */
  RoutesBuilder routes();

  /** Delivers outbox entries addressed to this channel. */
  ChannelSender sender();

  /**
   * Stops taking messages in, before the routes stop (so nothing arrives that could not be kept).
   * The default does nothing: a channel whose messages come through its routes stops with them.
   */
  default void stopReceiving() {}

  /** Releases connections; the default has none. */
  @Override
  default void close() {}
}
