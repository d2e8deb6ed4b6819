package org.aidbridge.routes.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.aidbridge.bot.store.DashboardSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The signed-in coordinator's pages and the forms they post. */
final class Pages {
  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
  private final WebContext context;

  Pages(WebContext context) {
    this.context = context;
  }

  void serve(WebExchange w, WebText t, DashboardSession session) throws IOException {
    String csrf = session.csrfToken();
    String path = w.path();
    if (w.isPost()) {
      post(w, t, csrf, path);
      return;
    }
    switch (path) {
      case "/", "/board" ->
          w.html(
              200,
              BoardPage.render(context, t, csrf, BoardFilter.from(w.params()), flash(w, t)),
              Policy.STRICT);
      case "/board.csv" -> {
        w.attachment("aidbridge-board.csv");
        w.send(
            200,
            "text/csv; charset=utf-8",
            BoardCsv.of(context, BoardFilter.from(w.params())).getBytes(StandardCharsets.UTF_8));
      }
      case "/map" -> w.html(200, MapPage.render(context, t, csrf), Policy.map(context.web()));
      case "/map.json" ->
          w.send(
              200, "application/json", MapPage.data(context, t).getBytes(StandardCharsets.UTF_8));
      case "/matches" -> w.html(200, MatchesPage.render(context, t, csrf), Policy.STRICT);
      case "/groups" -> w.html(200, GroupsPage.render(context, t, csrf), Policy.STRICT);
      case "/broadcast" ->
          w.html(
              200,
              BroadcastPage.form(t, csrf, new BroadcastPage.Fields("", "", ""), ""),
              Policy.STRICT);
      case "/stats" ->
          w.html(200, StatsPage.render(context, t, csrf, retried(w, t)), Policy.STRICT);
      default -> notFound(w, t, csrf);
    }
  }

  private void post(WebExchange w, WebText t, String csrf, String path) throws IOException {
    switch (path) {
      case "/board/action" -> boardAction(w);
      case "/stats/retry" -> retryDeadLetter(w);
      case "/broadcast/preview" ->
          w.html(
              200,
              BroadcastPage.preview(context, t, csrf, BroadcastPage.Fields.from(w)),
              Policy.STRICT);
      case "/broadcast/send" ->
          w.html(
              200,
              BroadcastPage.send(context, t, csrf, BroadcastPage.Fields.from(w)),
              Policy.STRICT);
      default -> notFound(w, t, csrf);
    }
  }

  /**
   * Close, hide or renew, then back to the board with the same filter and a word on what was done.
   */
  private void boardAction(WebExchange w) throws IOException {
    String ref = w.field("ref");
    String action = w.field("action");
    boolean done =
        switch (action) {
          case "close" -> context.desk().close(ref);
          case "hide" -> context.desk().hide(ref);
          case "renew" -> context.desk().renew(ref);
          default -> false;
        };
    String back = w.field("back").replaceAll("[^A-Za-z0-9=&%+._-]", "");
    String outcome = done ? action : "unknown";
    w.redirect(
        "/board?"
            + (back.isEmpty() ? "" : back + "&")
            + "done="
            + outcome
            + "&ref="
            + java.net.URLEncoder.encode(ref, StandardCharsets.UTF_8));
  }

  /**
   * A dead letter back into the outbox, by the same rule as the chat command {@code retry
   * <number>}; then back to the stats page with a word on what was done.
   */
  private void retryDeadLetter(WebExchange w) throws IOException {
    String id = w.field("id");
    boolean done =
        id.matches("\\d{1,18}")
            && context.store().retryDeadLetter(Long.parseLong(id), context.clock().instant());
    if (done) {
      LOG.info("a coordinator queued dead letter {} again from the dashboard", id);
    }
    w.redirect("/stats?" + (done ? "retried=" : "unknown=") + id.replaceAll("\\D", ""));
  }

  private static String retried(WebExchange w, WebText t) {
    if (!w.param("retried").isEmpty()) {
      return t.get("dead.retried", w.param("retried"));
    }
    return w.param("unknown").isEmpty() ? "" : t.get("dead.unknown", w.param("unknown"));
  }

  private static String flash(WebExchange w, WebText t) {
    String ref = w.param("ref");
    return switch (w.param("done")) {
      case "close" -> t.get("action.closed", ref);
      case "hide" -> t.get("action.hidden", ref);
      case "renew" -> t.get("action.renewed", ref);
      case "unknown" -> t.get("action.unknown", ref);
      default -> "";
    };
  }

  private static void notFound(WebExchange w, WebText t, String csrf) throws IOException {
    w.html(404, Layout.page(t, "", csrf, t.get("notfound"), ""), Policy.STRICT);
  }
}
