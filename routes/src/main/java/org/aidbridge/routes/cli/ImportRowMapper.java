package org.aidbridge.routes.cli;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.place.PlaceFinder;

/**
 * Turns an import row into a listing: the parser reads the text, and the {@code kind}, {@code
 * category} and {@code place} columns, when given, override what it inferred.
 */
final class ImportRowMapper {
  private final ListingParser parser;
  private final PlaceFinder places;
  private final BotSettings settings;
  private final Instant now;

  ImportRowMapper(ListingParser parser, PlaceFinder places, BotSettings settings, Instant now) {
    this.parser = parser;
    this.places = places;
    this.settings = settings;
    this.now = now;
  }

  /**
   * @throws IllegalArgumentException with a message for the person fixing the spreadsheet
   */
  Listing toListing(ImportRow row) {
    String text = row.get("text");
    if (text == null) {
      throw new IllegalArgumentException("the text is empty");
    }
    Instant created = created(row.get("created"));
    ParsedMessage parsed =
        parser.parse(text, new ParseContext(null, created, settings.homeCountry()));
    Kind kind = kind(row.get("kind"), parsed);
    Set<Category> categories = categories(row.get("category"), parsed);
    Place place =
        row.get("place") == null
            ? parsed.place()
            : places
                .resolve(row.get("place"), settings.homeCountry())
                .orElse(Place.unresolved(row.get("place")));
    Instant expires =
        parsed.expiresAt() != null
            ? parsed.expiresAt()
            : created.plus(settings.expiryFor(categories));
    return new Listing(
        0,
        null,
        kind,
        categories,
        parsed.items(),
        text,
        place,
        parsed.urgency(),
        created,
        expires,
        Status.OPEN,
        ImportIdentity.of(row.get("contact"), row.identity()),
        parsed.language(),
        row.get("id"));
  }

  private static Kind kind(String given, ParsedMessage parsed) {
    if (given == null) {
      return parsed
          .listingKind()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "the text reads as neither a need nor an offer; say which in a kind column"));
    }
    return switch (given.toLowerCase(Locale.ROOT)) {
      case "need" -> Kind.NEED;
      case "offer" -> Kind.OFFER;
      default ->
          throw new IllegalArgumentException("kind must be need or offer, not '" + given + "'");
    };
  }

  private static Set<Category> categories(String given, ParsedMessage parsed) {
    if (given == null) {
      return parsed.categories().isEmpty() ? Set.of(Category.OTHER) : parsed.categories();
    }
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (String id : given.split("[;,|]")) {
      if (id.isBlank()) {
        continue;
      }
      categories.add(
          Category.fromId(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown category '" + id.trim() + "' (known: " + known() + ")")));
    }
    return categories.isEmpty() ? Set.of(Category.OTHER) : categories;
  }

  private Instant created(String given) {
    return given == null ? now : CreatedColumn.read(given);
  }

  private static String known() {
    return Arrays.stream(Category.values()).map(Category::id).collect(Collectors.joining(", "));
  }
}
