package org.aidbridge.routes.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Static files from the jar: Leaflet and its clustering plugin from their webjars, the rest from
 * {@code web/assets} (style, the map's script, the country outlines). Nothing comes from elsewhere.
 */
final class Assets {
  static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";
  static final String MARKERCLUSTER = "META-INF/resources/webjars/leaflet-markercluster/1.4.1/";
  private static final String OWN = "web/assets/";
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml",
          "geojson", "application/geo+json",
          "json", "application/json");

  void serve(WebExchange w) throws IOException {
    String path = w.path().substring("/assets/".length());
    String extension = path.substring(path.lastIndexOf('.') + 1);
    if (path.contains("..") || !TYPES.containsKey(extension)) {
      w.send(404, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    String resource =
        path.startsWith("leaflet/")
            ? LEAFLET + path.substring("leaflet/".length())
            : path.startsWith("markercluster/")
                ? MARKERCLUSTER + path.substring("markercluster/".length())
                : OWN + path;
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        w.send(404, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      w.cacheFor(3600);
      w.send(200, TYPES.get(extension), in.readAllBytes());
    }
  }
}
