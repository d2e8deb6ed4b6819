package org.aidbridge.bot.parse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Urgency;

/**
 * What the parser understood.
 *
 * @param kind need or offer; null when the message is neither (chatter, thanks, news)
 * @param categories the categories, empty when none was recognised
 * @param items the items, possibly empty
 * @param place where, or null
 * @param urgency how soon
 * @param expiresAt an expiry the message states ("until Friday"), or null for the default
 * @param language the detected language ("en", "es", "fa", ...)
 * @param confidence how sure the parser is of the kind, from 0 to 1: 1 for an explicit form ("need:
 *     ...", "/offer ..."), about 0.9 for a cue with the thing asked for or given in its clause,
 *     lower when the thing is elsewhere or missing, or other words pull the other way; 0 when the
 *     message is no listing
 */
public record ParsedMessage(
    Kind kind,
    Set<Category> categories,
    List<Item> items,
    Place place,
    Urgency urgency,
    Instant expiresAt,
    String language,
    double confidence) {

  public ParsedMessage {
    categories = Set.copyOf(categories);
    items = List.copyOf(items);
    confidence = kind == null ? 0 : confidence;
  }

  /** A reading that is sure of its kind (made by hand or by a command). */
  public ParsedMessage(
      Kind kind,
      Set<Category> categories,
      List<Item> items,
      Place place,
      Urgency urgency,
      Instant expiresAt,
      String language) {
    this(kind, categories, items, place, urgency, expiresAt, language, 1.0);
  }

  public static ParsedMessage none(String language) {
    return new ParsedMessage(null, Set.of(), List.of(), null, Urgency.NORMAL, null, language, 0);
  }

  /** Whether the reading is a listing at least {@code minimum} sure of its kind. */
  public boolean isListingAt(double minimum) {
    return kind != null && confidence >= minimum;
  }

  public Optional<Kind> listingKind() {
    return Optional.ofNullable(kind);
  }

  public boolean isListing() {
    return kind != null;
  }

  /** The same reading with the kind decided by the person (a command, an answer): fully sure. */
  public ParsedMessage withKind(Kind newKind) {
    return new ParsedMessage(newKind, categories, items, place, urgency, expiresAt, language, 1.0);
  }
}
