package org.aidbridge.routes.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Listing;

/**
 * The board's filter, from the query string: kind, category, area (part of the place's name),
 * urgency, least age in days and the author's channel. Empty means any.
 */
record BoardFilter(
    String kind, String category, String area, String urgency, int minAgeDays, String channel) {

  static BoardFilter from(Map<String, String> params) {
    int age;
    try {
      age = Math.max(0, Integer.parseInt(params.getOrDefault("age", "0")));
    } catch (NumberFormatException e) {
      age = 0;
    }
    return new BoardFilter(
        params.getOrDefault("kind", ""),
        params.getOrDefault("category", ""),
        params.getOrDefault("area", "").strip(),
        params.getOrDefault("urgency", ""),
        age,
        params.getOrDefault("channel", ""));
  }

  boolean accepts(Listing l, Instant now) {
    return (kind.isEmpty() || l.kind().name().equalsIgnoreCase(kind))
        && (category.isEmpty() || l.categories().stream().anyMatch(c -> c.id().equals(category)))
        && (area.isEmpty() || inArea(l))
        && (urgency.isEmpty() || l.urgency().name().equalsIgnoreCase(urgency))
        && (minAgeDays == 0
            || !Duration.between(l.createdAt(), now).minusDays(minAgeDays).isNegative())
        && (channel.isEmpty() || l.author().channel().id().equals(channel));
  }

  private boolean inArea(Listing l) {
    return l.place() != null
        && l.place().display().toLowerCase(Locale.ROOT).contains(area.toLowerCase(Locale.ROOT));
  }

  /** The filter as a query string, for the CSV link and for coming back after an action. */
  String query() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kind", kind);
    values.put("category", category);
    values.put("area", area);
    values.put("urgency", urgency);
    values.put("age", minAgeDays == 0 ? "" : Integer.toString(minAgeDays));
    values.put("channel", channel);
    return values.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
