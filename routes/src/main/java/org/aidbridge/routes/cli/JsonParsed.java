package org.aidbridge.routes.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.parse.ParsedMessage;

/**
 * One line of {@code parse} output. {@code place} is always present, null when unknown; {@code
 * confidence} is how sure the parser is of the kind (0 to 1; the bot makes a listing from {@code
 * listing.confidence.min} up).
 */
@JsonPropertyOrder({"kind", "confidence", "categories", "items", "place", "urgency", "language"})
public record JsonParsed(
    String kind,
    double confidence,
    List<String> categories,
    List<JsonItem> items,
    JsonPlace place,
    String urgency,
    String language) {

  public static JsonParsed from(ParsedMessage parsed) {
    return new JsonParsed(
        parsed.kind() == null ? "none" : lower(parsed.kind().name()),
        Math.round(parsed.confidence() * 100) / 100.0,
        parsed.categories().stream().sorted().map(Category::id).toList(),
        parsed.items().stream().map(JsonItem::from).toList(),
        JsonPlace.from(parsed.place()),
        lower(parsed.urgency().name()),
        parsed.language());
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
