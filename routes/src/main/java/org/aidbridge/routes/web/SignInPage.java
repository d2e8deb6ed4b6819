package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

/** What anyone not signed in sees: how to get a link, and nothing else. */
final class SignInPage {
  private SignInPage() {}

  static String render(WebText t, String message) {
    String alert =
        message.isEmpty() ? "" : "<p role=\"alert\" class=\"notice\">" + esc(message) + "</p>";
    return Layout.bare(t, t.get("signin.title"), alert + "<p>" + esc(t.get("signin.how")) + "</p>");
  }

  /** The page a sign-in link opens: it posts the token at once (the button is for no script). */
  static String autoSubmit(WebText t, String token) {
    String form =
        "<form id=\"signin\" method=\"post\" action=\"/signin\">"
            + Html.hidden("token", token)
            + "<button type=\"submit\">"
            + esc(t.get("signin.continue"))
            + "</button></form><script src=\"/assets/signin.js\"></script>";
    return Layout.bare(t, t.get("signin.title"), form);
  }
}
