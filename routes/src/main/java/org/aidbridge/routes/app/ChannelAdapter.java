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
   * Another instance leads this channel: its routes are to start without taking messages in. Called
   * before {@link #routes()}; {@link #startReceiving} ends it. The default does nothing (a channel
   * that only sends).
   */
  default void standBy() {}

  /**
   * This instance now leads the channel: starts taking messages in, after {@link #standBy} or
   * {@link #stopReceiving}, while the routes run. The default does nothing.
   */
  default void startReceiving() {}

  /**
   * Stops taking messages in, before the routes stop (so nothing arrives that could not be kept),
   * or when another instance takes the channel over. The default does nothing: a channel whose
   * messages come through its routes stops with them.
   */
  default void stopReceiving() {}

  /**
   * Whether only the instance leading the channel may drain its outbox: because sending needs what
   * receives (Signal's one connection), or because the platform's rate limits count per account and
   * are kept in one process (Telegram). False by default: any instance sends, each entry claimed
   * first.
   */
  default boolean sendsOnlyWhileReceiving() {
    return false;
  }

  /** Releases connections; the default has none. */
  @Override
  default void close() {}
}
