package org.aidbridge.bot;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;

/**
 * The core's settings, already validated (routes builds them from {@code application.properties}).
 *
 * @param defaultLanguage the language of replies when nothing says the person's language
 * @param homeCountry ISO alpha-2 country preferred for ambiguous place names, or null
 * @param coordinators people allowed to run coordinator commands
 * @param defaultExpiry how long a listing lives when its category has no expiry of its own
 * @param expiryByCategory per-category lifetimes
 * @param notifyMax how many matches to tell a person about at once
 * @param maxDistanceKm how far apart a need and an offer with known places may be and still match,
 *     unless what is offered can travel
 */
public record BotSettings(
    String defaultLanguage,
    String homeCountry,
    Set<Address> coordinators,
    Duration defaultExpiry,
    Map<Category, Duration> expiryByCategory,
    int notifyMax,
    double maxDistanceKm) {

  public static final BotSettings DEFAULT =
      new BotSettings("en", null, Set.of(), Duration.ofDays(14), Map.of(), 3, 150);

  public BotSettings {
    coordinators = Set.copyOf(coordinators);
    expiryByCategory = Map.copyOf(expiryByCategory);
  }

  /** The lifetime of a listing with these categories: the shortest of theirs, else the default. */
  public Duration expiryFor(Set<Category> categories) {
    return categories.stream()
        .map(expiryByCategory::get)
        .filter(java.util.Objects::nonNull)
        .min(Duration::compareTo)
        .orElse(defaultExpiry);
  }

  public boolean isCoordinator(Address person) {
    return coordinators.contains(person);
  }

  public BotSettings withCoordinators(Set<Address> people) {
    return new BotSettings(
        defaultLanguage,
        homeCountry,
        people,
        defaultExpiry,
        expiryByCategory,
        notifyMax,
        maxDistanceKm);
  }
}
