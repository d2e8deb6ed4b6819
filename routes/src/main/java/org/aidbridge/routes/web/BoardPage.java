package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;
import static org.aidbridge.routes.web.Html.option;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Urgency;

/**
 * The board: open needs and offers with their filter, actions and CSV link. Listings are named by
 * reference and summary only, never by their author or their original text.
 */
final class BoardPage {
  private static final int[] AGES = {1, 3, 7, 14};

  private BoardPage() {}

  static String render(
      WebContext context, WebText t, String csrf, BoardFilter filter, String flash) {
    Instant now = context.clock().instant();
    List<BoardRows.Row> rows = BoardRows.of(context.store(), filter, now);
    StringBuilder body = new StringBuilder();
    if (!flash.isEmpty()) {
      body.append("<p role=\"status\" class=\"notice\">").append(esc(flash)).append("</p>");
    }
    body.append(filterForm(t, filter));
    String query = filter.query();
    body.append("<p class=\"count\"><span id=\"count\">")
        .append(esc(t.get("board.count", rows.size())))
        .append("</span> · <a href=\"/board.csv")
        .append(query.isEmpty() ? "" : "?" + esc(query))
        .append("\" download>")
        .append(esc(t.get("board.csv")))
        .append("</a></p>");
    if (rows.isEmpty()) {
      body.append("<p>").append(esc(t.get("board.empty"))).append("</p>");
    } else {
      body.append(table(context, t, csrf, rows, query));
    }
    return Layout.page(t, "board", csrf, t.get("board.title"), body.toString());
  }

  private static String filterForm(WebText t, BoardFilter f) {
    StringBuilder form =
        new StringBuilder("<form method=\"get\" action=\"/board\" class=\"filters\">");
    form.append(select(t, "kind", "board.kind", f.kind(), kinds(t)));
    form.append(
        select(
            t,
            "category",
            "board.category",
            f.category(),
            java.util.Arrays.stream(Category.values())
                .map(c -> new String[] {c.id(), c.id()})
                .toList()));
    form.append("<label>")
        .append(esc(t.get("board.area")))
        .append(" <input type=\"text\" name=\"area\" value=\"")
        .append(esc(f.area()))
        .append("\"></label>");
    form.append(
        select(
            t,
            "urgency",
            "board.urgency",
            f.urgency(),
            java.util.Arrays.stream(Urgency.values())
                .map(u -> new String[] {u.name().toLowerCase(), t.get("urgency." + u.name())})
                .toList()));
    form.append(
        select(
            t,
            "age",
            "board.age",
            f.minAgeDays() == 0 ? "" : Integer.toString(f.minAgeDays()),
            java.util.Arrays.stream(AGES)
                .mapToObj(d -> new String[] {Integer.toString(d), t.get("board.days", d)})
                .toList()));
    form.append(
        select(
            t,
            "channel",
            "board.channel",
            f.channel(),
            java.util.Arrays.stream(Channel.values())
                .map(c -> new String[] {c.id(), c.id()})
                .toList()));
    form.append("<button type=\"submit\">")
        .append(esc(t.get("board.filter")))
        .append("</button> <a href=\"/board\">")
        .append(esc(t.get("board.reset")))
        .append("</a></form>");
    return form.toString();
  }

  private static List<String[]> kinds(WebText t) {
    return java.util.Arrays.stream(Kind.values())
        .map(k -> new String[] {k.name().toLowerCase(), t.get("kind." + k.name())})
        .toList();
  }

  private static String select(
      WebText t, String name, String labelKey, String current, List<String[]> values) {
    StringBuilder s =
        new StringBuilder("<label>")
            .append(esc(t.get(labelKey)))
            .append(" <select name=\"")
            .append(name)
            .append("\">")
            .append(option("", t.get("board.any"), current));
    values.forEach(v -> s.append(option(v[0], v[1], current)));
    return s.append("</select></label>").toString();
  }

  private static String table(
      WebContext context, WebText t, String csrf, List<BoardRows.Row> rows, String query) {
    StringBuilder table =
        new StringBuilder("<div class=\"scroll\"><table id=\"board\"><thead><tr>");
    for (String col :
        new String[] {
          "ref",
          "kind",
          "summary",
          "categories",
          "place",
          "urgency",
          "channel",
          "waited",
          "ring",
          "actions"
        }) {
      table.append("<th scope=\"col\">").append(esc(t.get("col." + col))).append("</th>");
    }
    table.append("</tr></thead><tbody>");
    for (BoardRows.Row row : rows) {
      Listing l = row.listing();
      table
          .append("<tr data-ref=\"")
          .append(esc(l.ref()))
          .append("\" class=\"")
          .append(l.kind().name().toLowerCase())
          .append("\"><th scope=\"row\">")
          .append(esc(l.ref()))
          .append("</th><td>")
          .append(esc(t.get("kind." + l.kind().name())))
          .append("</td><td>")
          .append("<bdi>")
          .append(esc(l.summary()))
          .append("</bdi>")
          .append("</td><td>")
          .append(
              esc(
                  l.categories().stream()
                      .map(Category::id)
                      .sorted()
                      .collect(Collectors.joining(", "))))
          .append("</td><td>")
          .append(esc(l.place() == null ? t.get("none") : l.place().display()))
          .append("</td><td>")
          .append(esc(t.get("urgency." + l.urgency().name())))
          .append("</td><td>")
          .append(esc(l.author().channel().id()))
          .append("</td><td>")
          .append("<bdi>")
          .append(esc(BoardRows.age(row.waited())))
          .append("</bdi>")
          .append("</td><td>")
          .append(esc(BoardRows.ringLabel(row.ring(), context.bot().escalationRings(), t)))
          .append("</td><td class=\"actions\">")
          .append(action(t, csrf, l.ref(), "close", query))
          .append(action(t, csrf, l.ref(), "hide", query))
          .append(action(t, csrf, l.ref(), "renew", query))
          .append("</td></tr>");
    }
    return table.append("</tbody></table></div>").toString();
  }

  private static String action(WebText t, String csrf, String ref, String action, String query) {
    return "<form method=\"post\" action=\"/board/action\">"
        + Html.hidden("csrf", csrf)
        + Html.hidden("ref", ref)
        + Html.hidden("action", action)
        + Html.hidden("back", query)
        + "<button type=\"submit\" name=\"do\" value=\""
        + action
        + "\" aria-label=\""
        + esc(t.get("action." + action) + " " + ref)
        + "\">"
        + esc(t.get("action." + action))
        + "</button></form>";
  }
}
