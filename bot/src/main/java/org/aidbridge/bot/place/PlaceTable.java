package org.aidbridge.bot.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The places of the gazetteer in column arrays, plus an index from normalised name to the places
 * that carry it. An index entry is {@code place << 1 | 1} when the name is an alternate name and
 * {@code place << 1} when it is the place's own GeoNames name.
 */
final class PlaceTable {
  private static final int[] NONE = new int[0];
  private static final int COLUMNS = 9;

  private final String[] names;
  private final String[] countries;
  private final String[] admin1; // "US.IN": country and admin1 code, as admin1.tsv keys them
  private final float[] lats;
  private final float[] lons;
  private final int[] populations;
  private final Map<String, int[]> index;

  private PlaceTable(Builder b) {
    int n = b.names.size();
    names = b.names.toArray(new String[0]);
    countries = b.countries.toArray(new String[0]);
    admin1 = b.admin1.toArray(new String[0]);
    lats = Arrays.copyOf(b.lats, n);
    lons = Arrays.copyOf(b.lons, n);
    populations = Arrays.copyOf(b.populations, n);
    index = b.index;
  }

  /** Reads places.tsv.gz as written by scripts/build-gazetteer.py. */
  static PlaceTable read(InputStream gzipped) {
    Builder b = new Builder();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isEmpty()) {
          b.add(columns(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer", e);
    }
    return new PlaceTable(b);
  }

  /** Splits a line into its 9 columns without a regular expression. */
  private static String[] columns(String line) {
    String[] cols = new String[COLUMNS];
    int from = 0;
    for (int i = 0; i < COLUMNS - 1; i++) {
      int tab = line.indexOf('\t', from);
      if (tab < 0) {
        throw new IllegalStateException("gazetteer line with too few columns: " + line);
      }
      cols[i] = line.substring(from, tab);
      from = tab + 1;
    }
    cols[COLUMNS - 1] = line.substring(from);
    return cols;
  }

  int size() {
    return names.length;
  }

  /** Index entries for a normalised name, empty when unknown. */
  int[] lookup(String key) {
    return index.getOrDefault(key, NONE);
  }

  boolean contains(String key) {
    return index.containsKey(key);
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
    return lats[place];
  }

  double lon(int place) {
    return lons[place];
  }

  int population(int place) {
    return populations[place];
  }

  private static final class Builder {
    final List<String> names = new ArrayList<>(140_000);
    final List<String> countries = new ArrayList<>(140_000);
    final List<String> admin1 = new ArrayList<>(140_000);
    float[] lats = new float[140_000];
    float[] lons = new float[140_000];
    int[] populations = new int[140_000];
    final Map<String, int[]> index = new HashMap<>(1 << 19);
    final Map<String, String> shared = new HashMap<>();

    void add(String[] cols) {
      int place = names.size();
      if (place == lats.length) {
        lats = Arrays.copyOf(lats, place * 2);
        lons = Arrays.copyOf(lons, place * 2);
        populations = Arrays.copyOf(populations, place * 2);
      }
      names.add(cols[1]);
      countries.add(share(cols[2]));
      admin1.add(share(cols[2] + "." + cols[3]));
      lats[place] = Float.parseFloat(cols[4]);
      lons[place] = Float.parseFloat(cols[5]);
      populations[place] = Integer.parseInt(cols[6]);
      // The script stored the keys normalised; GazetteerResourceTest checks it agrees with us.
      String own = cols[7].isEmpty() ? cols[1].toLowerCase(Locale.ROOT) : cols[7];
      put(own, place << 1);
      String alternates = cols[8];
      for (int from = 0; from < alternates.length(); ) {
        int bar = alternates.indexOf('|', from);
        int to = bar < 0 ? alternates.length() : bar;
        put(alternates.substring(from, to), place << 1 | 1);
        from = to + 1;
      }
    }

    private String share(String value) {
      return shared.computeIfAbsent(value, v -> v);
    }

    private void put(String key, int entry) {
      if (key.isEmpty()) {
        return;
      }
      int[] old = index.get(key);
      if (old == null) {
        index.put(key, new int[] {entry});
      } else if (old[old.length - 1] >>> 1 != entry >>> 1) {
        int[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = entry;
        index.put(key, grown);
      }
    }
  }
}
