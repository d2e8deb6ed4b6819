package org.aidbridge.bot.place;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aidbridge.bot.BuildChecksum;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.place.MentionScanner.Mention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline {@link PlaceFinder} over the GeoNames places with at least 1,000 inhabitants, shipped
 * as {@code gazetteer/places.tsv.gz} (built by {@code scripts/build-gazetteer.py}; data CC-BY 4.0
 * GeoNames, see NOTICE). Understands names in Latin and Arabic script, with cue words and hints in
 * English, Spanish and Persian ("near Oakland", "Marion, Indiana", "Flint MI", "en Ciudad Juárez",
 * "در شیراز"). Thread-safe and immutable once loaded.
 */
public final class Gazetteer implements PlaceFinder {
  private static final Logger LOG = LoggerFactory.getLogger(Gazetteer.class);
  private static final String DIRECTORY = "/gazetteer/";

  private final PlaceTable places;
  private final MentionScanner scanner;

  private Gazetteer(PlaceTable places, RegionNames regions, PlaceLexicon lexicon) {
    this.places = places;
    this.scanner = new MentionScanner(places, regions, lexicon);
  }

  /** The gazetteer shipped with AidBridge, loaded on first use and shared afterwards. */
  public static Gazetteer loadDefault() {
    return Shipped.INSTANCE;
  }

  /** Holder idiom: the JVM loads the resource once, on first use, thread-safely. */
  private static final class Shipped {
    static final Gazetteer INSTANCE = load();

    private static Gazetteer load() {
      try (InputStream admin1 = open("admin1.tsv");
          InputStream lexicon = open("lexicon.tsv")) {
        return new Gazetteer(places(), RegionNames.read(admin1), PlaceLexicon.read(lexicon));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the gazetteer", e);
      }
    }

    /** The places as kept beside the jar by an earlier start of it, else read and kept now. */
    private static PlaceTable places() throws IOException {
      Optional<Path> kept = PlaceTableFile.beside();
      Optional<PlaceTable> table = kept.flatMap(f -> PlaceTableFile.read(f, BuildChecksum.value()));
      if (table.isPresent()) {
        LOG.info(
            "gazetteer: {} places mapped from the file kept beside the jar", table.get().size());
        return table.get();
      }
      byte[] layout;
      try (InputStream places = open("places.tsv.gz")) {
        layout = PlaceTableBuilder.read(places);
      }
      boolean keeps =
          kept.isPresent() && PlaceTableFile.write(kept.get(), BuildChecksum.value(), layout);
      PlaceTable read = PlaceTable.of(ByteBuffer.wrap(layout));
      LOG.info(
          "gazetteer: {} places read from the resource{}",
          read.size(),
          keeps ? ", kept beside the jar for the next start" : "");
      return read;
    }

    private static InputStream open(String name) {
      InputStream in = Gazetteer.class.getResourceAsStream(DIRECTORY + name);
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIRECTORY + name);
      }
      return in;
    }
  }

  /** How many places the gazetteer knows. */
  public int size() {
    return places.size();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cue words of every known language are used whatever {@code language} says, because people
   * mix languages in one message.
   */
  @Override
  public Optional<Place> findIn(String text, String language, String homeCountry) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    List<Token> tokens = Token.split(text);
    Preferred preferred = Preferred.of(country(homeCountry), language);
    return Optional.ofNullable(scanner.scan(tokens, preferred))
        .map(mention -> toPlace(text, tokens, mention));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A name the gazetteer does not know comes back unresolved, with the text as typed; input
   * without any letter or digit gives empty.
   */
  @Override
  public Optional<Place> resolve(String name, String homeCountry) {
    if (name == null) {
      return Optional.empty();
    }
    List<Token> tokens = Token.split(name);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Preferred home = Preferred.of(country(homeCountry), null);
    Mention mention = scanner.scanTyped(tokens, home);
    if (mention == null || mention.place() < 0 || mention.last() < tokens.size()) {
      // Not a name from the first word to the last: look for one inside ("near Oakland").
      Mention inside = scanner.scan(tokens, home);
      mention = inside != null && inside.place() >= 0 ? inside : null;
    }
    if (mention == null) {
      String typed = name.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
      return Optional.of(Place.unresolved(typed));
    }
    return Optional.of(toPlace(name, tokens, mention));
  }

  private Place toPlace(String text, List<Token> tokens, Mention mention) {
    String written =
        text.substring(tokens.get(mention.first()).start(), tokens.get(mention.last() - 1).end());
    int place = mention.place();
    if (place < 0) {
      return Place.unresolved(written);
    }
    return new Place(
        written, places.name(place), places.country(place), places.lat(place), places.lon(place));
  }

  private static String country(String homeCountry) {
    return homeCountry == null || homeCountry.isBlank()
        ? null
        : homeCountry.strip().toUpperCase(Locale.ROOT);
  }
}
