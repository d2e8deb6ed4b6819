package org.aidbridge.bot.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The local time zone of a place, from {@code gazetteer/zones.tsv.gz} (one zone per one-degree cell
 * that has towns: that of its biggest town; built by scripts/build-gazetteer.py from GeoNames).
 */
public final class TimeZones {
  private static final int SEARCH_CELLS = 3;
  private static final TimeZones DEFAULT = load("/gazetteer/zones.tsv.gz");

  private final Map<Integer, ZoneId> byCell;

  private TimeZones(Map<Integer, ZoneId> byCell) {
    this.byCell = Map.copyOf(byCell);
  }

  public static TimeZones shared() {
    return DEFAULT;
  }

  /**
   * The zone of the cell holding the point, else of the nearest cell with towns, if any is near.
   */
  public Optional<ZoneId> at(double lat, double lon) {
    int row = (int) Math.floor(Math.min(lat, 89.999) + 90);
    int column = Math.floorMod((int) Math.floor(lon + 180), 360);
    for (int ring = 0; ring <= SEARCH_CELLS; ring++) {
      for (int dr = -ring; dr <= ring; dr++) {
        for (int dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) == ring) {
            ZoneId zone = byCell.get((row + dr) * 360 + Math.floorMod(column + dc, 360));
            if (zone != null) {
              return Optional.of(zone);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static TimeZones load(String resource) {
    Map<Integer, ZoneId> cells = new HashMap<>();
    Map<String, ZoneId> zones = new HashMap<>();
    try (InputStream in = new GZIPInputStream(TimeZones.class.getResourceAsStream(resource));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          ZoneId zone = zones.computeIfAbsent(line.substring(tab + 1), TimeZones::zoneOrUtc);
          cells.put(Integer.parseInt(line.substring(0, tab)), zone);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TimeZones(cells);
  }

  /** A zone id this Java does not know (newer tz data) is read as UTC rather than failing. */
  private static ZoneId zoneOrUtc(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
