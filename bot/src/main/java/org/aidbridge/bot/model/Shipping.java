package org.aidbridge.bot.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.place.NameNormalizer;

/**
 * Whether an offer says it can reach someone far away ("can ship", "por correo", "آنلاین"), from
 * {@code match/ships.txt}: such an offer matches needs at any distance, like money does.
 */
public final class Shipping {
  // Each phrase between spaces, as it must stand in the text: whole words only.
  private static final List<String> PHRASES = load("/match/ships.txt");

  private Shipping() {}

  public static boolean offered(Listing listing) {
    String text = " " + NameNormalizer.normalize(listing.text()) + " ";
    for (String phrase : PHRASES) {
      if (text.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> load(String resource) {
    List<String> phrases = new ArrayList<>();
    try (InputStream in = Shipping.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          phrases.add(" " + NameNormalizer.normalize(line) + " ");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(phrases);
  }
}
