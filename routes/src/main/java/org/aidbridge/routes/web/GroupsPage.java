package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.Store;

/** Subscribed groups and email lists per channel: area, categories, language, delivery. */
final class GroupsPage {
  private GroupsPage() {}

  static String render(WebContext context, WebText t, String csrf) {
    Store store = context.store();
    Map<String, List<Subscription>> byChannel =
        store.subscriptions().stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.group().channel().id(), TreeMap::new, Collectors.toList()));
    StringBuilder body = new StringBuilder();
    if (byChannel.isEmpty()) {
      body.append("<p>").append(esc(t.get("groups.empty"))).append("</p>");
    }
    for (Map.Entry<String, List<Subscription>> channel : byChannel.entrySet()) {
      body.append("<h2>").append(esc(channel.getKey())).append("</h2>");
      body.append("<div class=\"scroll\"><table class=\"groups\" data-channel=\"")
          .append(esc(channel.getKey()))
          .append("\"><thead><tr>");
      for (String col :
          new String[] {"group", "area", "categories", "language", "last", "unreachable"}) {
        body.append("<th scope=\"col\">").append(esc(t.get("groups." + col))).append("</th>");
      }
      body.append("</tr></thead><tbody>");
      for (Subscription s : channel.getValue()) {
        boolean unreachable = store.isUnreachable(s.group());
        body.append("<tr><th scope=\"row\">")
            .append(esc(s.group().id()))
            .append("</th><td>")
            .append(esc(s.center().display() + " · " + Math.round(s.radiusKm()) + " km"))
            .append("</td><td>")
            .append(
                esc(
                    s.categories().isEmpty()
                        ? t.get("groups.all")
                        : s.categories().stream()
                            .map(Category::id)
                            .sorted()
                            .collect(Collectors.joining(", "))))
            .append("</td><td>")
            .append(esc(s.language()))
            .append("</td><td>")
            .append(
                esc(
                    store
                        .lastSentTo(s.group())
                        .map(MatchesPage.WHEN::format)
                        .orElse(t.get("groups.never"))))
            .append("</td><td")
            .append(unreachable ? " class=\"warn\"" : "")
            .append(">")
            .append(esc(t.get(unreachable ? "groups.yes" : "groups.no")))
            .append("</td></tr>");
      }
      body.append("</tbody></table></div>");
    }
    return Layout.page(t, "groups", csrf, t.get("groups.title"), body.toString());
  }
}
