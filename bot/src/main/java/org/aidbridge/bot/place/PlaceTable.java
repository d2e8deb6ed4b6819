package org.aidbridge.bot.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The places of the gazetteer in column arrays, plus a {@link NameIndex} from normalised name to
 * index entries: {@code place << 1 | 1} when the name is an alternate name, {@code place << 1} when
 * it is the place's own GeoNames name. Coordinates are kept as ten-thousandths of a degree, exactly
 * as the resource writes them.
 */
final class PlaceTable {
  private static final int COLUMNS = 9;
  private static final int EXPECTED_PLACES = 140_000;
  private static final int EXPECTED_NAMES = 350_000;

  private String[] names = new String[EXPECTED_PLACES];
  private String[] countries = new String[EXPECTED_PLACES];
  private String[] admin1 = new String[EXPECTED_PLACES]; // "US.IN", as admin1.tsv keys them
  private int[] lats = new int[EXPECTED_PLACES];
  private int[] lons = new int[EXPECTED_PLACES];
  private int[] populations = new int[EXPECTED_PLACES];
  private int size;
  private final NameIndex index = new NameIndex(EXPECTED_NAMES);
  private final Map<String, String> shared = new HashMap<>();

  private PlaceTable() {}

  /** Reads places.tsv.gz as written by scripts/build-gazetteer.py. */
  static PlaceTable read(InputStream gzipped) {
    PlaceTable table = new PlaceTable();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isEmpty()) {
          table.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer", e);
    }
    table.trim();
    return table;
  }

  int size() {
    return size;
  }

  /** How many distinct names (own and alternate) the index holds. */
  int names() {
    return index.names();
  }

  /** Index entries for a normalised name, empty when unknown. */
  int[] lookup(String key) {
    return index.lookup(key);
  }

  boolean contains(String key) {
    return index.contains(key);
  }

  String name(int place) {
    return names[place];
  }

  String country(int place) {
    return countries[place];
  }

  String admin1(int place) {
    return admin1[place];
  }

  double lat(int place) {
    return lats[place] / 10_000d;
  }

  double lon(int place) {
    return lons[place] / 10_000d;
  }

  int population(int place) {
    return populations[place];
  }

  /** id, name, country, admin1, lat, lon, population, key (or empty), alternates ("|"). */
  private void add(String line) {
    int[] tabs = new int[COLUMNS - 1];
    for (int i = 0, from = 0; i < tabs.length; i++) {
      tabs[i] = line.indexOf('\t', from);
      if (tabs[i] < 0) {
        throw new IllegalStateException("gazetteer line with too few columns: " + line);
      }
      from = tabs[i] + 1;
    }
    if (size == names.length) {
      grow();
    }
    int place = size++;
    names[place] = line.substring(tabs[0] + 1, tabs[1]);
    String country = line.substring(tabs[1] + 1, tabs[2]);
    countries[place] = share(country);
    admin1[place] = share(country + "." + line.substring(tabs[2] + 1, tabs[3]));
    lats[place] = fixedPoint(line, tabs[3] + 1, tabs[4]);
    lons[place] = fixedPoint(line, tabs[4] + 1, tabs[5]);
    populations[place] = Integer.parseInt(line, tabs[5] + 1, tabs[6], 10);
    // The script stored keys normalised; GazetteerResourceTest checks NameNormalizer agrees.
    if (tabs[7] == tabs[6] + 1) {
      String own = names[place].toLowerCase(Locale.ROOT);
      index.add(own, 0, own.length(), place << 1);
    } else {
      index.add(line, tabs[6] + 1, tabs[7], place << 1);
    }
    for (int from = tabs[7] + 1; from < line.length(); ) {
      int bar = line.indexOf('|', from);
      int to = bar < 0 ? line.length() : bar;
      index.add(line, from, to, place << 1 | 1);
      from = to + 1;
    }
  }

  /** "-122.6762" as -1226762: the resource always writes 4 decimals. */
  private static int fixedPoint(String line, int from, int to) {
    boolean negative = line.charAt(from) == '-';
    int value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      char c = line.charAt(i);
      if (c != '.') {
        value = value * 10 + (c - '0');
      }
    }
    return negative ? -value : value;
  }

  private String share(String value) {
    return shared.computeIfAbsent(value, v -> v);
  }

  private void grow() {
    int capacity = names.length * 2;
    names = Arrays.copyOf(names, capacity);
    countries = Arrays.copyOf(countries, capacity);
    admin1 = Arrays.copyOf(admin1, capacity);
    lats = Arrays.copyOf(lats, capacity);
    lons = Arrays.copyOf(lons, capacity);
    populations = Arrays.copyOf(populations, capacity);
  }

  private void trim() {
    names = Arrays.copyOf(names, size);
    countries = Arrays.copyOf(countries, size);
    admin1 = Arrays.copyOf(admin1, size);
    lats = Arrays.copyOf(lats, size);
    lons = Arrays.copyOf(lons, size);
    populations = Arrays.copyOf(populations, size);
  }
}
