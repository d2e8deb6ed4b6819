package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.service.MatchNotifier;
import org.aidbridge.bot.store.Store;

/** Recent matches and where each stands: told, answered, shared, done. */
final class MatchesPage {
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int RECENT = 100;

  /** A match notice goes to each of its two people; anything more about it is their talk. */
  private static final int NOTICES = 2;

  private MatchesPage() {}

  static String render(WebContext context, WebText t, String csrf) {
    List<Match> matches = context.store().recentMatches(RECENT);
    StringBuilder body = new StringBuilder();
    if (matches.isEmpty()) {
      body.append("<p>").append(esc(t.get("matches.empty"))).append("</p>");
    } else {
      body.append("<div class=\"scroll\"><table id=\"matches\"><thead><tr>");
      for (String col : new String[] {"need", "offer", "made", "stage"}) {
        body.append("<th scope=\"col\">").append(esc(t.get("matches." + col))).append("</th>");
      }
      body.append("</tr></thead><tbody>");
      for (Match m : matches) {
        body.append("<tr><td>")
            .append(esc(describe(m.need())))
            .append("</td><td>")
            .append(esc(describe(m.offer())))
            .append("</td><td>")
            .append(esc(WHEN.format(m.createdAt())))
            .append("</td><td>")
            .append(esc(t.get("stage." + stage(context.store(), m))))
            .append("</td></tr>");
      }
      body.append("</tbody></table></div>");
    }
    return Layout.page(t, "matches", csrf, t.get("matches.title"), body.toString());
  }

  private static String describe(Listing l) {
    return l.ref() + ": " + l.summary();
  }

  /**
   * Done when either side was fulfilled; shared when both people consented to swap contacts;
   * answered when they wrote to each other through the bot; else told.
   */
  static String stage(Store store, Match m) {
    if (m.need().status() == Status.FULFILLED || m.offer().status() == Status.FULFILLED) {
      return "done";
    }
    if (store.shareConsents(m.need().id(), m.offer().id()).size() == 2) {
      return "shared";
    }
    String topic = MatchNotifier.topic(m);
    return store.personalMessagesAbout(topic) > NOTICES ? "answered" : "told";
  }
}
