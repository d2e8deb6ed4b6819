package org.aidbridge.bot.place;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The places of the gazetteer in columns, plus a {@link NameIndex} from normalised name to index
 * entries: {@code place << 1 | 1} when the name is an alternate name, {@code place << 1} when it is
 * the place's own GeoNames name. Coordinates are kept as ten-thousandths of a degree, exactly as
 * the resource writes them.
 *
 * <p>The columns are views of one layout ({@link PlaceLayout}), in this order: the number of
 * places; their names (count, start offsets, byte count, UTF-8 bytes); the country and admin1 codes
 * (the same form); latitudes, longitudes, populations, country and admin1 code numbers; the name
 * index; the skeleton index. The layout lies in the heap when the table was just read from the
 * resource ({@link PlaceTableBuilder}), or in a file mapped into memory ({@link PlaceTableFile}):
 * then a start builds nothing, and only the pages a lookup touches are read.
 */
final class PlaceTable {
  private final int size;
  private final IntBuffer nameStarts;
  private final ByteBuffer nameBytes;
  private final String[] codes; // a few thousand; made once so countries compare cheaply
  private final IntBuffer lats;
  private final IntBuffer lons;
  private final IntBuffer populations;
  private final IntBuffer countries;
  private final IntBuffer admin1;
  private final NameIndex index;
  private final NameIndex skeletons;

  private PlaceTable(ByteBuffer layout) {
    PlaceLayout.Reader in = new PlaceLayout.Reader(layout);
    size = in.count();
    nameStarts = startsOf(in, size);
    nameBytes = in.bytes(in.count());
    int codeCount = in.count();
    IntBuffer codeStarts = in.ints(codeCount + 1);
    ByteBuffer codeBytes = in.bytes(in.count());
    codes = new String[codeCount];
    for (int i = 0; i < codeCount; i++) {
      codes[i] = text(codeBytes, codeStarts.get(i), codeStarts.get(i + 1));
    }
    lats = in.ints(size);
    lons = in.ints(size);
    populations = in.ints(size);
    countries = in.ints(size);
    admin1 = in.ints(size);
    index = NameIndex.read(in);
    skeletons = NameIndex.read(in);
    if (!in.atEnd()) {
      throw new IllegalArgumentException("bytes after the gazetteer layout");
    }
  }

  /**
   * The table laid out in {@code layout}; throws when the layout is not whole, which only a damaged
   * file could cause ({@link PlaceTableFile} checks its checksum first).
   */
  static PlaceTable of(ByteBuffer layout) {
    return new PlaceTable(layout);
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

  /** Index entries for the name with this {@link NameHash}, empty when unknown. */
  int[] lookup(long nameHash) {
    return index.lookup(nameHash);
  }

  boolean contains(long nameHash) {
    return index.contains(nameHash);
  }

  /** Entries (as {@link #lookup}, all alternate) whose Latin name has this skeleton. */
  int[] lookupSkeleton(String skeleton) {
    return skeletons.lookup(skeleton);
  }

  String name(int place) {
    return text(nameBytes, nameStarts.get(place), nameStarts.get(place + 1));
  }

  String country(int place) {
    return codes[countries.get(place)];
  }

  String admin1(int place) {
    return codes[admin1.get(place)];
  }

  double lat(int place) {
    return lats.get(place) / 10_000d;
  }

  double lon(int place) {
    return lons.get(place) / 10_000d;
  }

  int population(int place) {
    return populations.get(place);
  }

  /** The start offsets of {@code count} strings (and the end of the last), checked to fit. */
  private static IntBuffer startsOf(PlaceLayout.Reader in, int expected) {
    if (in.count() != expected) {
      throw new IllegalArgumentException("gazetteer names do not match its places");
    }
    return in.ints(expected + 1);
  }

  private static String text(ByteBuffer bytes, int from, int to) {
    byte[] utf8 = new byte[to - from];
    bytes.get(from, utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
