package org.aidbridge.routes.app;

import java.time.Clock;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.BotSettingsFactory;
import org.aidbridge.routes.config.OutboxPolicyFactory;
import org.aidbridge.routes.config.Settings;
import org.aidbridge.routes.web.WebSettings;

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

  /**
   * The application's one composition root: the bot and the outbox dispatcher as {@code run} builds
   * them from the settings (bot settings, outbox policy, the dashboard's address), both reporting
   * to one metrics registry, with a health registry of their own. Tests build theirs here too, so
   * no test runs the application wired otherwise than production.
   *
   * @param places the gazetteer (loaded once and shared), or {@link PlaceFinder#NONE}
   */
  public static AppContext build(Settings settings, Store store, Clock clock, PlaceFinder places) {
    AppMetrics metrics = new AppMetrics(clock);
    BotService bot =
        Bots.create(
            store,
            BotSettingsFactory.from(settings),
            clock,
            new LexiconParser(places),
            places,
            WebSettings.from(settings).dashboardUrl(),
            metrics.botEvents());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store, clock, OutboxPolicyFactory.from(settings), metrics.outboxStats());
    return new AppContext(
        settings, store, bot, dispatcher, clock, new ChannelHealth(clock), metrics);
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
