package org.aidbridge.bot.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.aidbridge.bot.place.NameNormalizer;

/**
 * The same item in several languages ("insulina" = "insulin" = "انسولین"), from {@code
 * match/items.tsv}, so a Spanish need and an English offer of one thing share an item.
 */
public final class ItemSynonyms {
  private static final ItemSynonyms DEFAULT = load("/match/items.tsv");

  private final Map<String, String> canonical;

  private ItemSynonyms(Map<String, String> canonical) {
    this.canonical = Map.copyOf(canonical);
  }

  public static ItemSynonyms shared() {
    return DEFAULT;
  }

  /**
   * The item's canonical name when it is a known thing, else its normalised name (a simple English
   * or Spanish plural "-s"/"-es" is tried too).
   */
  public String canonical(String name) {
    String key = NameNormalizer.normalize(name);
    String found = canonical.get(key);
    if (found == null && key.endsWith("es")) {
      found = canonical.get(key.substring(0, key.length() - 2));
    }
    if (found == null && key.endsWith("s")) {
      found = canonical.get(key.substring(0, key.length() - 1));
    }
    return found != null ? found : key;
  }

  private static ItemSynonyms load(String resource) {
    Map<String, String> map = new HashMap<>();
    try (InputStream in = ItemSynonyms.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] names = line.split("\t");
        String first = NameNormalizer.normalize(names[0]);
        for (String name : names) {
          map.putIfAbsent(NameNormalizer.normalize(name), first);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ItemSynonyms(map);
  }
}
