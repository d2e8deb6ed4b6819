package org.aidbridge.routes.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health} (JSON, 200 or 503, see {@link HealthReport}) and {@code GET /metrics}
 * (Prometheus text). The JDK's own HTTP server: nothing more is needed for two endpoints and a few
 * server-rendered pages.
 */
final class HealthServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Listens on {@code host:port} (port 0 picks a free one), with {@code more} handlers by path
   * prefix besides {@code /health} and {@code /metrics} (the dashboard).
   */
  static HealthServer start(
      String host,
      int port,
      Supplier<HealthReport.Answer> health,
      Supplier<String> metrics,
      Map<String, HttpHandler> more)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext(
        "/health",
        exchange -> {
          HealthReport.Answer answer = health.get();
          byte[] body = JSON.writeValueAsString(answer.body()).getBytes(StandardCharsets.UTF_8);
          respond(exchange, answer.status(), "application/json", body);
        });
    server.createContext(
        "/metrics",
        exchange ->
            respond(
                exchange, 200, PROMETHEUS_TEXT, metrics.get().getBytes(StandardCharsets.UTF_8)));
    more.forEach(server::createContext);
    server.start();
    return new HealthServer(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", type);
      boolean head = "HEAD".equals(method);
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
