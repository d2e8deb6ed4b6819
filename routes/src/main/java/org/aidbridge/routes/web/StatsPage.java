package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.service.Stats;
import org.aidbridge.bot.store.OutboxSummary;

/**
 * Numbers and health: new needs and offers per day by category, the median wait for a first match,
 * needs carried to farther rings; each channel's state (its probes, as {@code /health} sees them)
 * and outbox (pending, oldest pending, given up on); the dead letters, each with a Retry. Charts
 * are {@code <meter>} bars: no script, readable by screen readers.
 */
final class StatsPage {
  private static final int DAYS = 14;

  private StatsPage() {}

  static String render(WebContext context, WebText t, String csrf, String flash) {
    Instant now = context.clock().instant();
    Stats stats = Stats.of(context.store(), now);
    StringBuilder body = new StringBuilder();
    if (!flash.isEmpty()) {
      body.append("<p role=\"status\">").append(esc(flash)).append("</p>");
    }
    body.append("<p>");
    body.append(esc(t.get("stats.open", stats.openNeeds(), stats.openOffers(), stats.matches())))
        .append("</p><p>")
        .append(esc(t.get("stats.median", "")))
        .append("<bdi>")
        .append(esc(stats.medianTimeToMatch().map(BoardRows::age).orElse(t.get("none"))))
        .append("</bdi>")
        .append("</p>");
    body.append(rings(context, t));
    body.append(perDay(context, t, now));
    body.append(outbox(context, t));
    body.append(DeadLettersSection.render(context, t, csrf));
    return Layout.page(t, "stats", csrf, t.get("stats.title"), body.toString());
  }

  private static String rings(WebContext context, WebText t) {
    Map<Integer, Long> perRing = context.store().escalationsPerRing();
    StringBuilder out = new StringBuilder("<h2>").append(esc(t.get("stats.rings"))).append("</h2>");
    if (perRing.isEmpty()) {
      return out.append("<p>").append(esc(t.get("none"))).append("</p>").toString();
    }
    out.append("<ul id=\"rings\">");
    perRing.forEach(
        (ring, count) ->
            out.append("<li>")
                .append(
                    esc(
                        t.get(
                            "stats.ring",
                            BoardRows.ringLabel(ring, context.bot().escalationRings(), t))))
                .append(": ")
                .append(count)
                .append("</li>"));
    return out.append("</ul>").toString();
  }

  private static String perDay(WebContext context, WebText t, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<LocalDate, List<Listing>> byDay = new TreeMap<>();
    for (Listing l : context.store().allListings()) {
      LocalDate day = LocalDate.ofInstant(l.createdAt(), ZoneOffset.UTC);
      if (!day.isBefore(first) && !day.isAfter(today)) {
        byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(l);
      }
    }
    long most = byDay.values().stream().mapToLong(List::size).max().orElse(1);
    StringBuilder out =
        new StringBuilder("<h2>").append(esc(t.get("stats.perday"))).append("</h2>");
    out.append("<div class=\"scroll\"><table id=\"perday\"><thead><tr><th scope=\"col\">")
        .append(esc(t.get("stats.day")))
        .append("</th><th scope=\"col\">")
        .append(esc(t.get("stats.needs")))
        .append("</th><th scope=\"col\">")
        .append(esc(t.get("stats.offers")))
        .append("</th><th scope=\"col\">")
        .append(esc(t.get("board.category")))
        .append("</th></tr></thead><tbody>");
    for (LocalDate day = today; !day.isBefore(first); day = day.minusDays(1)) {
      List<Listing> listings = byDay.getOrDefault(day, List.of());
      long needs = listings.stream().filter(l -> l.kind() == Kind.NEED).count();
      long offers = listings.size() - needs;
      out.append("<tr><th scope=\"row\">")
          .append(day)
          .append("</th><td>")
          .append(bar(needs, most, "need"))
          .append("</td><td>")
          .append(bar(offers, most, "offer"))
          .append("</td><td>")
          .append(esc(categories(listings)))
          .append("</td></tr>");
    }
    return out.append("</tbody></table></div>").toString();
  }

  private static String bar(long value, long max, String kind) {
    return "<meter class=\""
        + kind
        + "\" min=\"0\" max=\""
        + max
        + "\" value=\""
        + value
        + "\">"
        + value
        + "</meter> "
        + value;
  }

  private static String categories(List<Listing> listings) {
    Map<String, Long> counts = new TreeMap<>();
    listings.forEach(
        l ->
            l.categories()
                .forEach(
                    c ->
                        counts.merge(
                            c.id() + " (" + l.kind().name().toLowerCase().charAt(0) + ")",
                            1L,
                            Long::sum)));
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String outbox(WebContext context, WebText t) {
    Map<Channel, OutboxSummary> summaries =
        context.store().outboxSummary().stream()
            .collect(Collectors.toMap(OutboxSummary::channel, s -> s));
    boolean running = context.running().getAsBoolean();
    Map<String, ChannelState> states =
        context.channelStates().get().stream()
            .collect(Collectors.toMap(ChannelState::channel, s -> s));
    StringBuilder out =
        new StringBuilder("<h2>").append(esc(t.get("stats.outbox"))).append("</h2>");
    out.append("<div class=\"scroll\"><table id=\"outbox\"><thead><tr>");
    for (String col : new String[] {"channel", "state", "pending", "oldest", "undeliverable"}) {
      out.append("<th scope=\"col\">").append(esc(t.get("stats." + col))).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (Channel channel : Channel.values()) {
      boolean on = context.channels().contains(channel.id());
      OutboxSummary s = summaries.getOrDefault(channel, new OutboxSummary(channel, 0, null, 0));
      if (!on && s.pending() == 0 && s.undeliverable() == 0) {
        continue;
      }
      out.append("<tr><th scope=\"row\">")
          .append(channel.id())
          .append("</th><td>")
          .append(state(t, on && running ? states.get(channel.id()) : null))
          .append("</td><td>")
          .append(s.pending())
          .append("</td><td>")
          .append(
              s.oldestPending() == null
                  ? esc(t.get("none"))
                  : esc(
                      BoardRows.age(
                          Duration.between(s.oldestPending(), context.clock().instant()))))
          .append("</td><td>")
          .append(s.undeliverable())
          .append("</td></tr>");
    }
    return out.append("</tbody></table></div>").toString();
  }

  /** Up or down, then each probe, with the reason of those down; stopped when not running. */
  private static String state(WebText t, ChannelState state) {
    if (state == null) {
      return esc(t.get("stats.stopped"));
    }
    StringBuilder out =
        new StringBuilder("<strong class=\"")
            .append(state.up() ? "up" : "down")
            .append("\">")
            .append(esc(t.get(state.up() ? "stats.up" : "stats.down")))
            .append("</strong><ul class=\"probes\">");
    for (ChannelState.Probe p : state.probes()) {
      out.append("<li data-probe=\"")
          .append(esc(p.name()))
          .append("\"><bdi>")
          .append(esc(p.name()))
          .append("</bdi>: ")
          .append(esc(t.get(p.up() ? "stats.up" : "stats.down")));
      if (!p.up() && p.reason() != null) {
        out.append(" (<bdi>").append(esc(p.reason())).append("</bdi>)");
      }
      out.append("</li>");
    }
    return out.append("</ul>").toString();
  }
}
