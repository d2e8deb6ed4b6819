package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.aidbridge.bot.store.DeadLetter;

/**
 * The outbox's dead letters on the stats page, as the chat command {@code deadletters} shows them:
 * number, channel, a person or a group, when queued, failures and the last reason; never who they
 * were for or what they said. Each has a Retry button that posts {@code /stats/retry}.
 */
final class DeadLettersSection {
  /** As many as the chat command lists; more wait until these are dealt with. */
  static final int SHOWN = 50;

  private static final DateTimeFormatter QUEUED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final String[] COLUMNS = {
    "number", "channel", "to", "queued", "failures", "reason", "action"
  };

  private DeadLettersSection() {}

  static String render(WebContext context, WebText t, String csrf) {
    List<DeadLetter> dead = context.store().deadLetters(SHOWN);
    StringBuilder out =
        new StringBuilder("<h2 id=\"deadletters-title\">")
            .append(esc(t.get("dead.title")))
            .append("</h2>");
    if (dead.isEmpty()) {
      return out.append("<p id=\"deadletters-none\">")
          .append(esc(t.get("dead.none")))
          .append("</p>")
          .toString();
    }
    out.append("<div class=\"scroll\"><table id=\"deadletters\"><thead><tr>");
    for (String col : COLUMNS) {
      out.append("<th scope=\"col\">").append(esc(t.get("dead." + col))).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    dead.forEach(d -> out.append(row(t, csrf, d)));
    return out.append("</tbody></table></div>").toString();
  }

  private static String row(WebText t, String csrf, DeadLetter d) {
    return "<tr data-id=\""
        + d.id()
        + "\"><th scope=\"row\">#"
        + d.id()
        + "</th><td>"
        + d.channel().id()
        + "</td><td>"
        + esc(t.get(d.toGroup() ? "dead.group" : "dead.person"))
        + "</td><td>"
        + QUEUED.format(d.createdAt())
        + "</td><td>"
        + d.failures()
        + "</td><td><bdi>"
        + esc(d.lastError() == null ? t.get("none") : d.lastError())
        + "</bdi></td><td>"
        + retry(t, csrf, d.id())
        + "</td></tr>";
  }

  private static String retry(WebText t, String csrf, long id) {
    return "<form method=\"post\" action=\"/stats/retry\">"
        + Html.hidden("csrf", csrf)
        + Html.hidden("id", Long.toString(id))
        + "<button type=\"submit\" aria-label=\""
        + esc(t.get("dead.retry") + " #" + id)
        + "\">"
        + esc(t.get("dead.retry"))
        + "</button></form>";
  }
}
