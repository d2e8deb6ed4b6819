package org.aidbridge.routes.app;

import java.util.function.Function;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.routes.config.Settings;

/**
 * A channel the application can run and how its adapter is made.
 *
 * @param channel the channel
 * @param factory makes the adapter; called only when the settings turn the channel on
 */
public record ChannelOption(Channel channel, Function<AppContext, ChannelAdapter> factory) {

  /** Whether the settings hold what the channel needs. */
  public boolean configured(Settings settings) {
    return ChannelCatalog.configured(channel, settings);
  }

  /** One sentence naming the settings that turn the channel on. */
  public String howToTurnOn() {
    return ChannelCatalog.howToTurnOn(channel);
  }
}
