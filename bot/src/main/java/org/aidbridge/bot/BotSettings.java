package org.aidbridge.bot;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.parse.ConfidenceBands;

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
 * @param inboundRetention how long processed inbound messages and sent outbox entries are kept;
 *     closed listings lose their text and author after as long
 * @param escalationRings where and when an unmet need is carried farther, innermost first
 * @param digestTime when groups get their daily digest, in {@code digestZone}
 * @param digestZone the time zone of {@code digestTime} for every group, or null for each group's
 *     own zone, from where it is
 * @param digestFarAfter how long a need must have been unmet to appear in farther groups' digests
 * @param confidence how sure the parser must be to make a listing, and to ask in private
 */
public record BotSettings(
    String defaultLanguage,
    String homeCountry,
    Set<Address> coordinators,
    Duration defaultExpiry,
    Map<Category, Duration> expiryByCategory,
    int notifyMax,
    double maxDistanceKm,
    Duration inboundRetention,
    List<EscalationRing> escalationRings,
    LocalTime digestTime,
    ZoneId digestZone,
    Duration digestFarAfter,
    ConfidenceBands confidence) {

  public static final BotSettings DEFAULT =
      new BotSettings("en", null, Set.of(), Duration.ofDays(14), Map.of(), 3, 150);

  public BotSettings {
    coordinators = Set.copyOf(coordinators);
    expiryByCategory = Map.copyOf(expiryByCategory);
    escalationRings = List.copyOf(escalationRings);
    confidence = confidence == null ? ConfidenceBands.DEFAULT : confidence;
  }

  /** The settings before the listings' life was configurable: its settings take their defaults. */
  public BotSettings(
      String defaultLanguage,
      String homeCountry,
      Set<Address> coordinators,
      Duration defaultExpiry,
      Map<Category, Duration> expiryByCategory,
      int notifyMax,
      double maxDistanceKm) {
    this(
        defaultLanguage,
        homeCountry,
        coordinators,
        defaultExpiry,
        expiryByCategory,
        notifyMax,
        maxDistanceKm,
        Duration.ofDays(30),
        EscalationRing.parseAll("25km@0h,150km@24h,country@72h"),
        LocalTime.of(18, 0),
        ZoneOffset.UTC,
        Duration.ofHours(24),
        ConfidenceBands.DEFAULT);
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
        maxDistanceKm,
        inboundRetention,
        escalationRings,
        digestTime,
        digestZone,
        digestFarAfter,
        confidence);
  }

  /** The same settings with the listings' life configured otherwise. */
  public BotSettings withLifecycle(
      Duration retention,
      List<EscalationRing> rings,
      LocalTime digestAt,
      ZoneId digestIn,
      Duration farAfter) {
    return new BotSettings(
        defaultLanguage,
        homeCountry,
        coordinators,
        defaultExpiry,
        expiryByCategory,
        notifyMax,
        maxDistanceKm,
        retention,
        rings,
        digestAt,
        digestIn,
        farAfter,
        confidence);
  }

  /** The same settings with other confidence thresholds for acting on a parsed message. */
  public BotSettings withConfidence(ConfidenceBands bands) {
    return new BotSettings(
        defaultLanguage,
        homeCountry,
        coordinators,
        defaultExpiry,
        expiryByCategory,
        notifyMax,
        maxDistanceKm,
        inboundRetention,
        escalationRings,
        digestTime,
        digestZone,
        digestFarAfter,
        bands);
  }
}
