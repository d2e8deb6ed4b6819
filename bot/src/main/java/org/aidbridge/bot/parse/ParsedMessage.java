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
 */
public record ParsedMessage(
    Kind kind,
    Set<Category> categories,
    List<Item> items,
    Place place,
    Urgency urgency,
    Instant expiresAt,
    String language) {

  public ParsedMessage {
    categories = Set.copyOf(categories);
    items = List.copyOf(items);
  }

  public static ParsedMessage none(String language) {
    return new ParsedMessage(null, Set.of(), List.of(), null, Urgency.NORMAL, null, language);
  }

  public Optional<Kind> listingKind() {
    return Optional.ofNullable(kind);
  }

  public boolean isListing() {
    return kind != null;
  }

  public ParsedMessage withKind(Kind newKind) {
    return new ParsedMessage(newKind, categories, items, place, urgency, expiresAt, language);
  }
}
