package org.aidbridge.routes.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.EscalationRing;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.parse.ConfidenceBands;

/**
 * Turns {@link Settings} into the core's {@link BotSettings}, checking every value: the first bad
 * one fails with a {@link ConfigException} that names its key.
 */
public final class BotSettingsFactory {
  /** The languages every reply exists in. */
  public static final Set<String> LANGUAGES = Set.of("en", "es", "fa");

  private static final String CATEGORY_PREFIX = "category.";
  private static final String EXPIRY_SUFFIX = ".expiry.days";

  private BotSettingsFactory() {}

  public static BotSettings from(Settings settings) {
    BotSettings defaults = BotSettings.DEFAULT;
    return new BotSettings(
            language(settings),
            homeCountry(settings),
            coordinators(settings),
            Duration.ofDays(
                positive(settings, "listing.expiry.days", defaults.defaultExpiry().toDays())),
            expiryByCategory(settings),
            (int) positive(settings, "match.notify.max", defaults.notifyMax()),
            distance(settings, defaults.maxDistanceKm()))
        .withLifecycle(
            Duration.ofDays(
                positive(settings, "retention.inbound.days", defaults.inboundRetention().toDays())),
            rings(settings),
            parsed(
                settings,
                "digest.time",
                defaults.digestTime(),
                LocalTime::parse,
                "a time such as 18:00"),
            digestZone(settings),
            Duration.ofHours(
                positive(settings, "digest.far.after.hours", defaults.digestFarAfter().toHours())))
        .withConfidence(confidence(settings));
  }

  /** {@code listing.confidence.min} and {@code listing.confidence.ask}, each 0 to 1, ask <= min. */
  private static ConfidenceBands confidence(Settings settings) {
    ConfidenceBands defaults = ConfidenceBands.DEFAULT;
    double listing = fraction(settings, "listing.confidence.min", defaults.listing());
    double ask = fraction(settings, "listing.confidence.ask", defaults.ask());
    if (ask > listing) {
      throw new ConfigException(
          "listing.confidence.ask", "must not be above listing.confidence.min (" + listing + ")");
    }
    return new ConfidenceBands(listing, ask);
  }

  private static double fraction(Settings settings, String key, double fallback) {
    double value = settings.decimal(key, fallback);
    if (!(value >= 0 && value <= 1)) {
      throw new ConfigException(key, "must be a number from 0 to 1");
    }
    return value;
  }

  /** {@code auto} (the default): each group's own zone; else one zone for every group. */
  private static ZoneId digestZone(Settings settings) {
    if (settings.get("digest.zone").orElse("auto").equalsIgnoreCase("auto")) {
      return null;
    }
    return parsed(settings, "digest.zone", null, ZoneId::of, "a time zone such as Europe/Madrid");
  }

  private static List<EscalationRing> rings(Settings settings) {
    String spec = settings.get("escalation.rings").orElse(null);
    if (spec == null) {
      return BotSettings.DEFAULT.escalationRings();
    }
    try {
      return EscalationRing.parseAll(spec);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("escalation.rings", "is not valid: " + e.getMessage());
    }
  }

  /** A value parsed by {@code parser}, or the default when unset; a bad one names its key. */
  private static <T> T parsed(
      Settings settings, String key, T fallback, Function<String, T> parser, String expected) {
    Optional<String> value = settings.get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(value.get());
    } catch (RuntimeException e) {
      throw new ConfigException(key, "must be " + expected + ", not '" + value.get() + "'");
    }
  }

  private static String language(Settings settings) {
    String language = settings.string("default.language", "en").toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(language)) {
      throw new ConfigException(
          "default.language", "must be one of " + String.join(", ", sorted(LANGUAGES)));
    }
    return language;
  }

  private static String homeCountry(Settings settings) {
    return settings
        .get("home.country")
        .map(
            country -> {
              if (!country.matches("[A-Za-z]{2}")) {
                throw new ConfigException(
                    "home.country",
                    "must be a two-letter ISO 3166-1 code such as US, not '" + country + "'");
              }
              return country.toUpperCase(Locale.ROOT);
            })
        .orElse(null);
  }

  /** Parses {@code telegram:123,email:a@b.org}; a bad entry is named by position, not echoed. */
  static Set<Address> coordinators(Settings settings) {
    Set<Address> people = new LinkedHashSet<>();
    String[] entries = settings.string("coordinators", "").split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        Address person = Address.parsePerson(entry);
        people.add(
            person.channel() == Channel.EMAIL
                ? Address.person(Channel.EMAIL, person.id().toLowerCase(Locale.ROOT))
                : person);
      } catch (IllegalArgumentException e) {
        // The entry itself is an identity: say which one is wrong without printing it.
        throw new ConfigException(
            "coordinators",
            "entry "
                + (i + 1)
                + " is not channel:id (telegram:123456, signal:<uuid> or email:name@example.org)");
      }
    }
    return people;
  }

  private static Map<Category, Duration> expiryByCategory(Settings settings) {
    Map<Category, Duration> expiry = new EnumMap<>(Category.class);
    for (String key : settings.withPrefix(CATEGORY_PREFIX).keySet()) {
      if (!key.endsWith(EXPIRY_SUFFIX)) {
        throw new ConfigException(
            key, "is not a known setting (expected category.<id>.expiry.days)");
      }
      String id = key.substring(CATEGORY_PREFIX.length(), key.length() - EXPIRY_SUFFIX.length());
      Category category =
          Category.fromId(id)
              .orElseThrow(() -> new ConfigException(key, "names no category: '" + id + "'"));
      expiry.put(category, Duration.ofDays(positive(settings, key, 1)));
    }
    return expiry;
  }

  private static long positive(Settings settings, String key, long fallback) {
    int value = settings.integer(key, (int) fallback);
    if (value < 1) {
      throw new ConfigException(key, "must be at least 1, not " + value);
    }
    return value;
  }

  private static double distance(Settings settings, double fallback) {
    double km = settings.decimal("match.max.distance.km", fallback);
    if (!(km > 0) || Double.isInfinite(km)) {
      throw new ConfigException("match.max.distance.km", "must be a positive number of km");
    }
    return km;
  }

  private static java.util.List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
