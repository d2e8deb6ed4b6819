package org.aidbridge.routes.web;

/** Content security policies: scripts, styles and data only from this server. */
final class Policy {
  static final String STRICT =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private Policy() {}

  /** The map's policy: tiles may come from the configured tile server. */
  static String map(WebSettings web) {
    String tiles = web.tileOrigin();
    return tiles.isEmpty()
        ? STRICT
        : STRICT.replace("img-src 'self' data:", "img-src 'self' data: " + tiles);
  }
}
