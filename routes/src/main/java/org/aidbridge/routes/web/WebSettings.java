package org.aidbridge.routes.web;

import java.net.URI;
import java.net.URISyntaxException;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;

/**
 * Where the HTTP server listens and where coordinators reach it.
 *
 * @param host {@code http.host}
 * @param port {@code http.port}: 0 picks a free one, -1 turns the server (and the dashboard) off
 * @param publicUrl {@code http.public.url}: the address in sign-in links, such as {@code
 *     https://aid.example.org} behind a reverse proxy; by default {@code http://host:port}, and
 *     empty when the port is 0 (a free one, not known until the server binds): no sign-in link can
 *     then name it
 * @param tileUrl {@code dashboard.tile.url}: a map tile URL template for operators who are online,
 *     or empty for the offline outlines only
 */
public record WebSettings(String host, int port, String publicUrl, String tileUrl) {

  public static WebSettings from(Settings settings) {
    int port = settings.integer("http.port", 8080);
    if (port < -1 || port > 65535) {
      throw new ConfigException(
          "http.port", "must be a port (0 picks a free one, -1 turns it off)");
    }
    String host = settings.string("http.host", "127.0.0.1");
    String url = settings.string("http.public.url", "");
    if (url.isBlank() && port > 0) {
      url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
    if (port != -1 && !url.isBlank()) {
      checkUrl("http.public.url", url);
    }
    String tiles = settings.string("dashboard.tile.url", "");
    if (!tiles.isBlank()) {
      checkUrl("dashboard.tile.url", tiles.replace("{", "").replace("}", ""));
    }
    return new WebSettings(host, port, url.replaceAll("/+$", ""), tiles.strip());
  }

  public boolean enabled() {
    return port != -1;
  }

  /**
   * The link base for the core's {@code dashboard} command, or null when the server is off or its
   * address is not known in advance (port 0 without {@code http.public.url}).
   */
  public String dashboardUrl() {
    return enabled() && !publicUrl.isEmpty() ? publicUrl : null;
  }

  /** Where coordinators open the dashboard, once the server listens on {@code boundPort}. */
  public String addressOnce(int boundPort) {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
  }

  /** Cookies are sent only over TLS when coordinators reach the dashboard over TLS. */
  public boolean secureCookies() {
    return publicUrl.startsWith("https:");
  }

  /** The origin of the tile server, for the content security policy; empty without tiles. */
  public String tileOrigin() {
    if (tileUrl.isBlank()) {
      return "";
    }
    // Leaflet's {s} is a subdomain letter: the policy allows any subdomain there.
    String plain = tileUrl.replace("{s}", "subdomain").replace("{", "").replace("}", "");
    URI uri = URI.create(plain);
    return uri.getScheme() + "://" + uri.getRawAuthority().replace("subdomain", "*");
  }

  private static void checkUrl(String key, String url) {
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(key, "must be an http:// or https:// address, not " + url);
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "must be an http:// or https:// address, not " + url);
    }
  }
}
