package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;
import static org.aidbridge.routes.web.Html.option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.service.Broadcasts;

/**
 * A broadcast from separate fields (place, category, text), previewed with its category, the groups
 * per channel and the text as each group will see it, then confirmed. The same core rules as the
 * chat command choose the groups and write the text.
 */
final class BroadcastPage {
  private BroadcastPage() {}

  /** What the coordinator typed. */
  record Fields(String place, String category, String text) {
    static Fields from(WebExchange w) throws java.io.IOException {
      return new Fields(w.field("place"), w.field("category"), w.field("text"));
    }
  }

  static String form(WebText t, String csrf, Fields f, String message) {
    StringBuilder body = new StringBuilder();
    if (!message.isEmpty()) {
      body.append("<p role=\"status\" class=\"notice\">").append(esc(message)).append("</p>");
    }
    body.append("<form method=\"post\" action=\"/broadcast/preview\" class=\"stack\">")
        .append(Html.hidden("csrf", csrf))
        .append("<label for=\"place\">")
        .append(esc(t.get("broadcast.place")))
        .append(
            "</label><input id=\"place\" name=\"place\" type=\"text\" dir=\"auto\" required value=\"")
        .append(esc(f.place()))
        .append("\"><label for=\"category\">")
        .append(esc(t.get("broadcast.category")))
        .append("</label><select id=\"category\" name=\"category\">")
        .append(option("", t.get("broadcast.any"), f.category()));
    Arrays.stream(Category.values())
        .forEach(c -> body.append(option(c.id(), c.id(), f.category())));
    body.append("</select><label for=\"text\">")
        .append(esc(t.get("broadcast.text")))
        .append("</label><textarea id=\"text\" name=\"text\" rows=\"4\" dir=\"auto\" required>")
        .append(esc(f.text()))
        .append("</textarea><button type=\"submit\">")
        .append(esc(t.get("broadcast.preview")))
        .append("</button></form>");
    return Layout.page(t, "broadcast", csrf, t.get("broadcast.title"), body.toString());
  }

  static String preview(WebContext context, WebText t, String csrf, Fields f) {
    Optional<String> problem = problem(context, t, f);
    if (problem.isPresent()) {
      return form(t, csrf, f, problem.get());
    }
    Broadcasts.Draft draft = context.desk().draft(f.place(), f.category(), f.text()).orElseThrow();
    List<Subscription> groups = context.desk().groupsFor(draft);
    StringBuilder body =
        new StringBuilder("<section id=\"preview\" aria-labelledby=\"preview-title\">");
    body.append("<h2 id=\"preview-title\">")
        .append(esc(t.get("broadcast.previewing")))
        .append("</h2><p id=\"preview-category\">")
        .append(
            esc(
                t.get(
                    "broadcast.category.shown",
                    Broadcasts.categoryName(draft.category(), t.language()))))
        .append("</p><p id=\"preview-groups\">")
        .append(
            esc(
                groups.isEmpty()
                    ? t.get("broadcast.none")
                    : t.get(
                        "broadcast.groups",
                        groups.size() + " (" + Broadcasts.byChannel(groups) + ")")))
        .append("</p>");
    for (Map.Entry<String, List<Subscription>> seen : byText(draft, groups).entrySet()) {
      body.append("<p>")
          .append(esc(t.get("broadcast.seen", Broadcasts.byChannel(seen.getValue()))))
          .append("</p><pre class=\"message\" dir=\"auto\">")
          .append(esc(seen.getKey()))
          .append("</pre>");
    }
    body.append("<form method=\"post\" action=\"/broadcast/send\">")
        .append(Html.hidden("csrf", csrf))
        .append(Html.hidden("place", f.place()))
        .append(Html.hidden("category", f.category()))
        .append(Html.hidden("text", f.text()))
        .append("<button type=\"submit\" id=\"confirm\"")
        .append(groups.isEmpty() ? " disabled" : "")
        .append(">")
        .append(esc(t.get("broadcast.confirm")))
        .append("</button></form>");
    body.append("</section>");
    return form(t, csrf, f, "").replace("</main>", body + "</main>");
  }

  static String send(WebContext context, WebText t, String csrf, Fields f) {
    Optional<String> problem = problem(context, t, f);
    if (problem.isPresent()) {
      return form(t, csrf, f, problem.get());
    }
    int sent =
        context
            .desk()
            .broadcast(context.desk().draft(f.place(), f.category(), f.text()).orElseThrow());
    return form(t, csrf, new Fields("", "", ""), t.get("broadcast.sent", sent));
  }

  private static Optional<String> problem(WebContext context, WebText t, Fields f) {
    if (f.text().isBlank()) {
      return Optional.of(t.get("broadcast.empty"));
    }
    if (context.desk().draft(f.place(), f.category(), f.text()).isEmpty()) {
      return Optional.of(t.get("broadcast.unknown.place", f.place()));
    }
    return Optional.empty();
  }

  /** Each distinct text the groups will see (one per language), with the groups that see it. */
  private static Map<String, List<Subscription>> byText(
      Broadcasts.Draft draft, List<Subscription> groups) {
    Map<String, List<Subscription>> texts = new LinkedHashMap<>();
    for (Subscription s : groups) {
      texts
          .computeIfAbsent(Broadcasts.groupText(s, draft), k -> new java.util.ArrayList<>())
          .add(s);
    }
    return texts;
  }
}
