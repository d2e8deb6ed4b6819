package org.aidbridge.routes.app;

import java.time.Clock;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;

/**
 * What every channel adapter is built from.
 *
 * @param store the whole store, for the application around the channels (health, metrics,
 *     housekeeping, the dashboard); a channel takes only {@link #channelMemory()}
 * @param health where each channel reports whether it works, for {@code /health}
 * @param metrics the registry behind {@code /metrics}; give the same one to the bot's {@code
 *     BotEvents} ({@link AppMetrics#botEvents()}) so the core's counts land there too
 */
public record AppContext(
    Settings settings,
    Store store,
    BotService bot,
    OutboxDispatcher dispatcher,
    Clock clock,
    ChannelHealth health,
    AppMetrics metrics) {

  /** With a health registry and metrics of its own (the core's events then go uncounted). */
  public AppContext(
      Settings settings, Store store, BotService bot, OutboxDispatcher dispatcher, Clock clock) {
    this(settings, store, bot, dispatcher, clock, new ChannelHealth(clock), new AppMetrics(clock));
  }

  /** The part of the store a channel may use: channels never reach into the rest of it. */
  public ChannelMemory channelMemory() {
    return store;
  }

  /** The same context around another bot (the metered one, for the channels). */
  AppContext withBot(BotService other) {
    return new AppContext(settings, store, other, dispatcher, clock, health, metrics);
  }
}
