package org.aidbridge.bot.place;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads places.tsv.gz as written by scripts/build-gazetteer.py into a {@link PlaceTable}'s layout.
 * It works on the raw UTF-8 bytes: names are copied as bytes, and only a name without a stored key
 * becomes a String (to be lowercased). Reading the resource takes about half a second of a
 * processor; a jar keeps the result beside it ({@link PlaceTableFile}) and reads it only once.
 */
final class PlaceTableBuilder {
  private static final int COLUMNS = 9;
  private static final int EXPECTED_PLACES = 140_000;
  private static final int EXPECTED_NAMES = 350_000;

  /** Countries whose towns people name in Persian script. */
  private static final Set<String> PERSIAN_COUNTRIES = Set.of("IR", "AF", "TJ");

  private final ByteArrayOutputStream nameBytes = new ByteArrayOutputStream(1 << 21);
  private int[] nameStarts = new int[EXPECTED_PLACES + 1];
  private int[] countries = new int[EXPECTED_PLACES];
  private int[] admin1 = new int[EXPECTED_PLACES]; // "US.IN", as admin1.tsv keys them
  private int[] lats = new int[EXPECTED_PLACES];
  private int[] lons = new int[EXPECTED_PLACES];
  private int[] populations = new int[EXPECTED_PLACES];
  private int size;

  private final Map<String, Integer> codes = new HashMap<>(); // country and admin1 codes
  private final List<String> codeList = new ArrayList<>();
  private final NameIndex.Builder skeletons = new NameIndex.Builder(1 << 14);
  private final NameIndex.Builder index = new NameIndex.Builder(EXPECTED_NAMES);

  private PlaceTableBuilder() {}

  /** The layout of the places in {@code gzipped} (places.tsv.gz), see {@link PlaceTable}. */
  static byte[] read(InputStream gzipped) {
    byte[] data;
    try (InputStream in = new GZIPInputStream(gzipped, 1 << 16)) {
      data = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gazetteer", e);
    }
    PlaceTableBuilder table = new PlaceTableBuilder();
    int[] tabs = new int[COLUMNS - 1];
    for (int from = 0; from < data.length; ) {
      int end = indexOf(data, (byte) '\n', from, data.length);
      if (end > from) {
        table.add(data, from, end, tabs);
      }
      from = end + 1;
    }
    return table.layout();
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
    if (size + 1 == nameStarts.length) {
      grow();
    }
    int place = size++;
    nameBytes.write(data, tabs[0] + 1, tabs[1] - tabs[0] - 1);
    nameStarts[place + 1] = nameBytes.size();
    String country = ascii(data, tabs[1] + 1, tabs[2]);
    countries[place] = code(country);
    admin1[place] = code(country + "." + ascii(data, tabs[2] + 1, tabs[3]));
    lats[place] = number(data, tabs[3] + 1, tabs[4]);
    lons[place] = number(data, tabs[4] + 1, tabs[5]);
    populations[place] = number(data, tabs[5] + 1, tabs[6]);
    boolean ownKey = tabs[7] == tabs[6] + 1;
    String lowered = ownKey ? lowered(data, tabs[0] + 1, tabs[1]) : null;
    // The script stored keys normalised; GazetteerResourceTest checks NameNormalizer agrees.
    if (ownKey) {
      byte[] own = lowered.getBytes(StandardCharsets.UTF_8);
      index.add(own, 0, own.length, place << 1);
    } else {
      index.add(data, tabs[6] + 1, tabs[7], place << 1);
    }
    boolean persian = PERSIAN_COUNTRIES.contains(country);
    for (int at = tabs[7] + 1; at < end; ) {
      int bar = indexOf(data, (byte) '|', at, end);
      index.add(data, at, bar, place << 1 | 1);
      if (persian) {
        addSkeleton(ascii(data, at, bar), place);
      }
      at = bar + 1;
    }
    if (persian) {
      addSkeleton(ownKey ? lowered : ascii(data, tabs[6] + 1, tabs[7]), place);
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

  /** The layout {@link PlaceTable#of} reads, in the order it reads it. */
  private byte[] layout() {
    byte[] names = nameBytes.toByteArray();
    byte[][] codeBytes = new byte[codeList.size()][];
    int[] codeStarts = new int[codeList.size() + 1];
    for (int i = 0; i < codeBytes.length; i++) {
      codeBytes[i] = codeList.get(i).getBytes(StandardCharsets.UTF_8);
      codeStarts[i + 1] = codeStarts[i] + codeBytes[i].length;
    }
    int bytes =
        Integer.BYTES * (1 + 2 + (size + 1) + 2 + (codeBytes.length + 1) + 5 * size)
            + names.length
            + codeStarts[codeBytes.length]
            + index.bytes()
            + skeletons.bytes();
    PlaceLayout.Writer out = new PlaceLayout.Writer(bytes);
    out.count(size);
    out.count(size).ints(nameStarts, size + 1).count(names.length).bytes(names, names.length);
    out.count(codeBytes.length).ints(codeStarts, codeBytes.length + 1);
    out.count(codeStarts[codeBytes.length]);
    for (byte[] code : codeBytes) {
      out.bytes(code, code.length);
    }
    out.ints(lats, size).ints(lons, size).ints(populations, size);
    out.ints(countries, size).ints(admin1, size);
    index.write(out);
    skeletons.write(out);
    return out.done();
  }

  private int code(String value) {
    return codes.computeIfAbsent(
        value,
        v -> {
          codeList.add(v);
          return codeList.size() - 1;
        });
  }

  private static String lowered(byte[] data, int from, int to) {
    return new String(data, from, to - from, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
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

  private void grow() {
    int capacity = nameStarts.length * 2;
    nameStarts = Arrays.copyOf(nameStarts, capacity);
    countries = Arrays.copyOf(countries, capacity);
    admin1 = Arrays.copyOf(admin1, capacity);
    lats = Arrays.copyOf(lats, capacity);
    lons = Arrays.copyOf(lons, capacity);
    populations = Arrays.copyOf(populations, capacity);
  }
}
