package org.aidbridge.routes.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.parse.ParsedMessage;

/** One line of {@code parse} output. {@code place} is always present, null when unknown. */
@JsonPropertyOrder({"kind", "categories", "items", "place", "urgency", "language"})
public record JsonParsed(
    String kind,
    List<String> categories,
    List<JsonItem> items,
    JsonPlace place,
    String urgency,
    String language) {

  public static JsonParsed from(ParsedMessage parsed) {
    return new JsonParsed(
        parsed.kind() == null ? "none" : lower(parsed.kind().name()),
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
