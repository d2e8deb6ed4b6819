package org.aidbridge.routes.cli;

import java.nio.file.Path;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.match.MatchScorer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.LogPseudonyms;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.place.ShippedPlaces;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.BotSettingsFactory;
import org.aidbridge.routes.config.DatabaseSettings;
import org.aidbridge.routes.config.Paths;
import org.aidbridge.routes.config.Settings;

/**
 * The core's parts as the commands use them, built from the settings. The gazetteer is loaded only
 * by the commands that read text, once, and shared by the parser and the bot.
 */
final class Core {
  private final Settings settings;
  private final BotSettings botSettings;
  private PlaceFinder places;
  private ListingParser parser;

  private Core(Settings settings, BotSettings botSettings) {
    this.settings = settings;
    this.botSettings = botSettings;
  }

  /** Validates the settings first, so a bad value fails before anything is opened. */
  static Core from(Settings settings) {
    Paths.requireSupported(settings);
    DatabaseSettings.poolSize(settings);
    return new Core(settings, BotSettingsFactory.from(settings));
  }

  Settings settings() {
    return settings;
  }

  BotSettings botSettings() {
    return botSettings;
  }

  synchronized PlaceFinder places() {
    if (places == null) {
      places = ShippedPlaces.loadingInBackground();
    }
    return places;
  }

  synchronized ListingParser parser() {
    if (parser == null) {
      LexiconParser.prepareInBackground(); // the gate trains while the gazetteer is read
      parser = new LexiconParser(places());
    }
    return parser;
  }

  /**
   * Opens the database {@code db} names (a relative path is taken from {@code base.dir}; a {@code
   * jdbc:postgresql://} URL opens PostgreSQL), and from then on logs ids under the pseudonyms of
   * this installation's key, kept in that database.
   */
  Store openStore(Path workingDir) {
    Store store = DatabaseSettings.open(settings, workingDir);
    LogPseudonyms.useKey(store.installationKey(LogPseudonyms.PURPOSE));
    return store;
  }

  Matcher matcher(Store store) {
    return new Matcher(store, new MatchScorer(botSettings.maxDistanceKm()));
  }
}
