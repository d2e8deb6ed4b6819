package org.aidbridge.bot.place;

import java.io.IOException;
import java.io.InputStream;
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

  /** Countries whose towns people name in Persian script. */
  private static final java.util.Set<String> PERSIAN_COUNTRIES = java.util.Set.of("IR", "AF", "TJ");

  private final NameIndex skeletons = new NameIndex(1 << 14);
  private final NameIndex index = new NameIndex(EXPECTED_NAMES);
  private final Map<String, String> shared = new HashMap<>();

  private PlaceTable() {}

  /**
   * Reads places.tsv.gz as written by scripts/build-gazetteer.py. It works on the raw UTF-8 bytes:
   * only the display names become Strings, which keeps loading to a few hundred milliseconds.
   */
  static PlaceTable read(InputStream gzipped) {
    byte[] data;
    try (InputStream in = new GZIPInputStream(gzipped, 1 << 16)) {
      data = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer", e);
    }
    PlaceTable table = new PlaceTable();
    int[] tabs = new int[COLUMNS - 1];
    for (int from = 0; from < data.length; ) {
      int end = indexOf(data, (byte) '\n', from, data.length);
      if (end > from) {
        table.add(data, from, end, tabs);
      }
      from = end + 1;
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
  private void add(byte[] data, int from, int end, int[] tabs) {
    for (int i = 0, at = from; i < tabs.length; i++) {
      tabs[i] = indexOf(data, (byte) '\t', at, end);
      if (tabs[i] == end) {
        throw new IllegalStateException("gazetteer line with too few columns at byte " + from);
      }
      at = tabs[i] + 1;
    }
    if (size == names.length) {
      grow();
    }
    int place = size++;
    names[place] = new String(data, tabs[0] + 1, tabs[1] - tabs[0] - 1, StandardCharsets.UTF_8);
    String country = ascii(data, tabs[1] + 1, tabs[2]);
    countries[place] = share(country);
    admin1[place] = share(country + "." + ascii(data, tabs[2] + 1, tabs[3]));
    lats[place] = number(data, tabs[3] + 1, tabs[4]);
    lons[place] = number(data, tabs[4] + 1, tabs[5]);
    populations[place] = number(data, tabs[5] + 1, tabs[6]);
    // The script stored keys normalised; GazetteerResourceTest checks NameNormalizer agrees.
    if (tabs[7] == tabs[6] + 1) {
      byte[] own = names[place].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      index.add(own, 0, own.length, place << 1);
    } else {
      index.add(data, tabs[6] + 1, tabs[7], place << 1);
    }
    for (int at = tabs[7] + 1; at < end; ) {
      int bar = indexOf(data, (byte) '|', at, end);
      index.add(data, at, bar, place << 1 | 1);
      if (PERSIAN_COUNTRIES.contains(country)) {
        addSkeleton(ascii(data, at, bar), place);
      }
      at = bar + 1;
    }
    if (PERSIAN_COUNTRIES.contains(country)) {
      addSkeleton(
          tabs[7] == tabs[6] + 1
              ? names[place].toLowerCase(Locale.ROOT)
              : ascii(data, tabs[6] + 1, tabs[7]),
          place);
    }
  }

  /** Latin names of towns where Persian is spoken, by consonant skeleton ({@link Skeletons}). */
  private void addSkeleton(String latinName, int place) {
    if (!latinName.chars().allMatch(c -> c < 128)) {
      return;
    }
    String skeleton = Skeletons.latin(latinName);
    if (skeleton.replace(" ", "").length() >= 3) {
      byte[] key = skeleton.getBytes(StandardCharsets.UTF_8);
      skeletons.add(key, 0, key.length, place << 1 | 1);
    }
  }

  /** Entries (as {@link #lookup}, all alternate) whose Latin name has this skeleton. */
  int[] lookupSkeleton(String skeleton) {
    return skeletons.lookup(skeleton);
  }

  private static int indexOf(byte[] data, byte wanted, int from, int end) {
    int i = from;
    while (i < end && data[i] != wanted) {
      i++;
    }
    return i;
  }

  private static String ascii(byte[] data, int from, int to) {
    return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * An integer, or a coordinate such as "-122.6762" read as -1226762 (the resource always writes 4
   * decimals).
   */
  private static int number(byte[] data, int from, int to) {
    boolean negative = data[from] == '-';
    int value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      if (data[i] != '.') {
        value = value * 10 + (data[i] - '0');
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
