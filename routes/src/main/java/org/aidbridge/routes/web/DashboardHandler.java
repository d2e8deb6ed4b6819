package org.aidbridge.routes.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.aidbridge.bot.service.DashboardAccess;
import org.aidbridge.bot.store.DashboardSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every dashboard path: assets, sign-in and sign-out, then the pages, which only a signed-in
 * coordinator sees (anyone else gets the sign-in page). A POST that changes something must carry
 * the session's CSRF token.
 */
final class DashboardHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);
  static final String SESSION_COOKIE = "aidbridge_session";
  private static final String LANGUAGE_COOKIE = "aidbridge_lang";

  private final WebContext context;
  private final Assets assets;
  private final Pages pages;

  DashboardHandler(WebContext context) {
    this.context = context;
    this.assets = new Assets();
    this.pages = new Pages(context);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      WebExchange w = new WebExchange(exchange);
      try {
        route(w);
      } catch (RuntimeException e) {
        LOG.warn("dashboard request failed: {}", e.getClass().getSimpleName(), e);
        w.send(500, "text/plain; charset=utf-8", "error".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void route(WebExchange w) throws IOException {
    if (w.path().startsWith("/assets/")) {
      assets.serve(w);
      return;
    }
    WebText t = language(w);
    if (w.path().equals("/signin")) {
      signIn(w, t);
      return;
    }
    Optional<String> cookie = w.cookie(SESSION_COOKIE);
    Optional<DashboardSession> session = cookie.flatMap(c -> context.access().session(c));
    if (session.isEmpty()) {
      w.html(401, SignInPage.render(t, ""), Policy.STRICT);
      return;
    }
    if (w.isPost() && !csrfMatches(w, session.get())) {
      LOG.info("dashboard refused a form without its CSRF token on {}", w.path());
      w.html(
          403,
          Layout.page(
              t,
              "",
              session.get().csrfToken(),
              t.get("refused.title"),
              "<p role=\"alert\">" + Html.esc(t.get("refused.csrf")) + "</p>"),
          Policy.STRICT);
      return;
    }
    if (w.path().equals("/signout") && w.isPost()) {
      context.access().signOut(cookie.get());
      w.setCookie(sessionCookie("", 0));
      w.html(200, SignInPage.render(t, t.get("signin.out")), Policy.STRICT);
      return;
    }
    pages.serve(w, t, session.get());
  }

  /**
   * {@code GET /signin?token=...} answers a page that posts the token at once (a link preview
   * fetched by a chat app runs no script, so it cannot use up the link); {@code POST /signin} opens
   * the session and goes straight to the board.
   */
  private void signIn(WebExchange w, WebText t) throws IOException {
    if (!w.isPost()) {
      w.html(200, SignInPage.autoSubmit(t, w.param("token")), Policy.STRICT);
      return;
    }
    Optional<DashboardAccess.NewSession> started = context.access().signIn(w.field("token"));
    if (started.isEmpty()) {
      LOG.info("dashboard sign-in refused: the link was used, expired or unknown");
      w.html(401, SignInPage.render(t, t.get("signin.failed")), Policy.STRICT);
      return;
    }
    LOG.info("a coordinator signed in to the dashboard");
    w.setCookie(
        sessionCookie(started.get().cookieValue(), DashboardAccess.SESSION_LENGTH.toSeconds()));
    w.redirect("/board");
  }

  private String sessionCookie(String value, long maxAgeSeconds) {
    return SESSION_COOKIE
        + "="
        + value
        + "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (context.web().secureCookies() ? "; Secure" : "");
  }

  private static boolean csrfMatches(WebExchange w, DashboardSession session) throws IOException {
    byte[] sent = w.field("csrf").getBytes(StandardCharsets.UTF_8);
    return sent.length > 0
        && MessageDigest.isEqual(sent, session.csrfToken().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code ?lang=} (remembered in a cookie), else the cookie, else the browser's, else default. */
  private WebText language(WebExchange w) {
    String asked = w.param("lang");
    if (WebText.LANGUAGES.contains(asked)) {
      w.setCookie(LANGUAGE_COOKIE + "=" + asked + "; Path=/; Max-Age=31536000; SameSite=Strict");
      return WebText.of(asked);
    }
    Optional<String> kept = w.cookie(LANGUAGE_COOKIE).filter(WebText.LANGUAGES::contains);
    if (kept.isPresent()) {
      return WebText.of(kept.get());
    }
    String browser = w.header("Accept-Language").toLowerCase(Locale.ROOT);
    String first = browser.isEmpty() ? "" : browser.split("[,;-]")[0].strip();
    return WebText.of(WebText.LANGUAGES.contains(first) ? first : context.bot().defaultLanguage());
  }
}
