package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

import java.util.List;

/** The page around every view: language and direction, navigation, sign-out, the content. */
final class Layout {
  private static final List<String> PAGES =
      List.of("board", "map", "matches", "groups", "broadcast", "stats");

  private Layout() {}

  /** A page for a signed-in coordinator. */
  static String page(WebText t, String current, String csrf, String title, String body) {
    return page(t, current, csrf, title, body, "");
  }

  static String page(
      WebText t, String current, String csrf, String title, String body, String head) {
    StringBuilder nav =
        new StringBuilder("<nav aria-label=\"" + esc(t.get("app.name")) + "\"><ul>");
    for (String page : PAGES) {
      nav.append("<li><a href=\"/")
          .append(page)
          .append("\"")
          .append(page.equals(current) ? " aria-current=\"page\"" : "")
          .append(">")
          .append(esc(t.get("nav." + page)))
          .append("</a></li>");
    }
    nav.append("</ul>")
        .append(languages(t, current))
        .append("<form method=\"post\" action=\"/signout\" class=\"signout\">")
        .append(Html.hidden("csrf", csrf))
        .append("<button type=\"submit\">")
        .append(esc(t.get("nav.signout")))
        .append("</button></form></nav>");
    return document(t, title, nav.toString(), body, head);
  }

  /** A page for someone not signed in: no navigation. */
  static String bare(WebText t, String title, String body) {
    return document(t, title, languages(t, "signin"), body, "");
  }

  private static String languages(WebText t, String current) {
    StringBuilder out =
        new StringBuilder("<ul class=\"languages\" aria-label=\"")
            .append(esc(t.get("nav.language")))
            .append("\">");
    String target = current.equals("signin") ? "/signin" : "/" + current;
    for (String[] lang : new String[][] {{"en", "English"}, {"es", "Español"}, {"fa", "فارسی"}}) {
      out.append("<li><a lang=\"")
          .append(lang[0])
          .append("\" href=\"")
          .append(target)
          .append("?lang=")
          .append(lang[0])
          .append("\"")
          .append(lang[0].equals(t.language()) ? " aria-current=\"true\"" : "")
          .append(">")
          .append(lang[1])
          .append("</a></li>");
    }
    return out.append("</ul>").toString();
  }

  private static String document(WebText t, String title, String nav, String body, String head) {
    return "<!DOCTYPE html><html lang=\""
        + t.language()
        + "\" dir=\""
        + t.direction()
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + esc(title)
        + " · "
        + esc(t.get("app.name"))
        + "</title><link rel=\"stylesheet\" href=\"/assets/app.css\">"
        + head
        + "</head><body><a class=\"skip\" href=\"#main\">"
        + esc(t.get("skip"))
        + "</a><header><p class=\"brand\">"
        + esc(t.get("app.name"))
        + "</p>"
        + nav
        + "</header><main id=\"main\" tabindex=\"-1\"><h1>"
        + esc(title)
        + "</h1>"
        + body
        + "</main></body></html>";
  }
}
