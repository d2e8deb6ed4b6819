package org.aidbridge.routes.web;

import static org.aidbridge.routes.web.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Subscription;

/**
 * The map: open listings (needs and offers told apart, clustered when dense) and the areas of
 * subscribed groups, over country outlines shipped in the jar, and tiles when an operator sets
 * {@code dashboard.tile.url}.
 */
final class MapPage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MapPage() {}

  static String render(WebContext context, WebText t, String csrf) {
    String head =
        "<link rel=\"stylesheet\" href=\"/assets/leaflet/leaflet.css\">"
            + "<link rel=\"stylesheet\" href=\"/assets/markercluster/MarkerCluster.css\">"
            + "<link rel=\"stylesheet\" href=\"/assets/markercluster/MarkerCluster.Default.css\">";
    String body =
        "<ul class=\"legend\"><li><span class=\"dot need\"></span>"
            + esc(t.get("map.legend.need"))
            + "</li><li><span class=\"dot offer\"></span>"
            + esc(t.get("map.legend.offer"))
            + "</li><li><span class=\"ring\"></span>"
            + esc(t.get("map.legend.group"))
            + "</li></ul><div id=\"map\" role=\"region\" aria-label=\""
            + esc(t.get("map.title"))
            + "\" data-tiles=\""
            + esc(context.web().tileUrl())
            + "\"></div><noscript><p>"
            + esc(t.get("map.noscript"))
            + "</p></noscript>"
            + "<script src=\"/assets/leaflet/leaflet.js\"></script>"
            + "<script src=\"/assets/markercluster/leaflet.markercluster.js\"></script>"
            + "<script src=\"/assets/map.js\"></script>";
    return Layout.page(t, "map", csrf, t.get("map.title"), body, head);
  }

  /** What the map shows, as JSON: listings by reference and summary, groups by area. */
  static String data(WebContext context, WebText t) {
    Instant now = context.clock().instant();
    ObjectNode root = JSON.createObjectNode();
    ArrayNode listings = root.putArray("listings");
    for (Listing l : context.store().allListings()) {
      if (l.status().active()
          && l.expiresAt().isAfter(now)
          && l.place() != null
          && l.place().resolved()) {
        listings
            .addObject()
            .put("ref", l.ref())
            .put("kind", l.kind().name().toLowerCase())
            .put("label", t.get("kind." + l.kind().name()) + " " + l.ref() + ": " + l.summary())
            .put("lat", l.place().lat())
            .put("lon", l.place().lon());
      }
    }
    ArrayNode groups = root.putArray("groups");
    for (Subscription s : context.store().subscriptions()) {
      if (s.center().resolved()) {
        groups
            .addObject()
            .put("label", s.group().channel().id() + ": " + s.center().display())
            .put("lat", s.center().lat())
            .put("lon", s.center().lon())
            .put("radiusKm", s.radiusKm());
      }
    }
    return root.toString();
  }
}
