package org.aidbridge.routes.web;

import com.sun.net.httpserver.HttpHandler;
import java.util.Map;

/**
 * The dashboard's place on the HTTP server: everything under {@code /} that no more specific
 * context (such as {@code /health}) takes.
 */
public final class WebRoutes {
  private WebRoutes() {}

  /** The handlers to add to the server, by path prefix. */
  public static Map<String, HttpHandler> handlers(WebContext context) {
    return Map.of("/", new DashboardHandler(context));
  }
}
