package org.aidbridge.routes.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One request and its answer: parameters, cookies, and responses with the security headers. */
final class WebExchange {
  private static final int MAX_FORM_BYTES = 64 * 1024;

  private final HttpExchange exchange;
  private final Map<String, String> query;
  private Map<String, String> form;

  WebExchange(HttpExchange exchange) {
    this.exchange = exchange;
    this.query = parse(exchange.getRequestURI().getRawQuery());
  }

  String method() {
    return exchange.getRequestMethod();
  }

  boolean isPost() {
    return "POST".equals(method());
  }

  String path() {
    return exchange.getRequestURI().getPath();
  }

  String rawQuery() {
    String q = exchange.getRequestURI().getRawQuery();
    return q == null ? "" : q;
  }

  /** A query parameter, else empty text. */
  String param(String name) {
    return query.getOrDefault(name, "");
  }

  Map<String, String> params() {
    return query;
  }

  /** A field of the posted form, else empty text. */
  String field(String name) throws IOException {
    if (form == null) {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readNBytes(MAX_FORM_BYTES);
        form = parse(new String(body, StandardCharsets.UTF_8));
      }
    }
    return form.getOrDefault(name, "");
  }

  Optional<String> cookie(String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        String[] kv = part.strip().split("=", 2);
        if (kv.length == 2 && kv[0].equals(name)) {
          return Optional.of(kv[1]);
        }
      }
    }
    return Optional.empty();
  }

  String header(String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  void setCookie(String value) {
    exchange.getResponseHeaders().add("Set-Cookie", value);
  }

  void html(int status, String page, String policy) throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", policy);
    send(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  void redirect(String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    send(303, null, new byte[0]);
  }

  void send(int status, String contentType, byte[] body) throws IOException {
    var headers = exchange.getResponseHeaders();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    headers.set("X-Content-Type-Options", "nosniff");
    // The sign-in link's token must never leave in a Referer header.
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    if (!headers.containsKey("Cache-Control")) {
      headers.set("Cache-Control", "no-store");
    }
    boolean head = "HEAD".equals(method());
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  void cacheFor(int seconds) {
    exchange.getResponseHeaders().set("Cache-Control", "private, max-age=" + seconds);
  }

  void attachment(String filename) {
    exchange
        .getResponseHeaders()
        .set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }

  private static Map<String, String> parse(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      values.putIfAbsent(key, value);
    }
    return values;
  }
}
