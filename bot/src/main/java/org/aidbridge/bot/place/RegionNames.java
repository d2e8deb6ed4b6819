package org.aidbridge.bot.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names of first-level divisions ("Indiana", "IN", "فارس") and countries ("Iran", "México",
 * "ایران", "USA") that people write after a town to say which one they mean. Short abbreviations
 * such as "IN", "OR" or "ME" only count when written in capitals, because in lower case they are
 * ordinary words.
 */
final class RegionNames {
  private static final String[] COUNTRY_LANGUAGES = {"en", "es", "fa"};
  private static final String[][] COUNTRY_ALIASES = {
    {"US", "USA", "U.S.", "U.S.A.", "America", "United States", "EEUU", "EE. UU.", "آمریکا"},
    {"GB", "UK", "U.K.", "Britain", "Great Britain"},
    {"MX", "Mexico", "Méjico"},
    {"IR", "Persia", "ایران"},
    {"AE", "UAE"},
  };

  /** Normalised name or alias -> "US.IN" style admin1 keys. */
  private final Map<String, Set<String>> admin1 = new HashMap<>();

  /** Normalised abbreviations that must be written in capitals. */
  private final Set<String> capitalsOnly = new HashSet<>();

  /** Normalised country name -> alpha-2. */
  private final Map<String, String> countries = new HashMap<>();

  private RegionNames() {}

  /** Reads admin1.tsv (code, name, "|"-separated aliases) and the JDK's country names. */
  static RegionNames read(InputStream admin1Tsv) {
    RegionNames regions = new RegionNames();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(admin1Tsv, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] cols = line.split("\t", -1);
        if (cols.length >= 2) {
          regions.addAdmin1(cols[0], cols[1], false);
          if (cols.length > 2 && !cols[2].isEmpty()) {
            for (String alias : cols[2].split("\\|")) {
              regions.addAdmin1(cols[0], alias, isAbbreviation(alias));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read admin1 names", e);
    }
    regions.addCountries();
    return regions;
  }

  /** The admin1 keys a normalised name may stand for; {@code capitals}: written in capitals. */
  Set<String> admin1For(String key, boolean capitals) {
    if (!capitals && capitalsOnly.contains(key)) {
      return Set.of();
    }
    return admin1.getOrDefault(key, Set.of());
  }

  /** The alpha-2 code of a normalised country name, or null. */
  String countryFor(String key, boolean capitals) {
    if (!capitals && capitalsOnly.contains(key)) {
      return null;
    }
    return countries.get(key);
  }

  /** True when a normalised name is the full name of a division or a country. */
  boolean isRegionName(String key) {
    return (admin1.containsKey(key) || countries.containsKey(key)) && !capitalsOnly.contains(key);
  }

  private void addAdmin1(String code, String name, boolean abbreviation) {
    String key = NameNormalizer.normalize(name);
    if (key.isEmpty()) {
      return;
    }
    admin1.computeIfAbsent(key, k -> new HashSet<>()).add(code);
    if (abbreviation) {
      capitalsOnly.add(key);
    }
  }

  private void addCountries() {
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      for (String language : COUNTRY_LANGUAGES) {
        addCountry(code, country.getDisplayCountry(Locale.forLanguageTag(language)));
      }
    }
    for (String[] aliases : COUNTRY_ALIASES) {
      for (int i = 1; i < aliases.length; i++) {
        addCountry(aliases[0], aliases[i]);
      }
    }
    for (String abbreviation : new String[] {"USA", "UK", "UAE", "EEUU"}) {
      capitalsOnly.add(NameNormalizer.normalize(abbreviation));
    }
  }

  private void addCountry(String code, String name) {
    String key = NameNormalizer.normalize(name);
    if (!key.isEmpty()) {
      countries.putIfAbsent(key, code);
    }
  }

  private static boolean isAbbreviation(String alias) {
    return alias.length() <= 4 && alias.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }
}
