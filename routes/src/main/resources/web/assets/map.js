// The dashboard's map: country outlines shipped with AidBridge (Natural Earth 1:110m, public
// domain), optional tiles, subscribed groups' areas as circles, listings clustered when dense.
(function () {
  "use strict";
  var el = document.getElementById("map");
  // Clustering needs a maxZoom, which a map without tiles does not have otherwise.
  var map = L.map(el, { worldCopyJump: true, keyboard: true, minZoom: 1, maxZoom: 18 }).setView([20, 0], 2);
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
  }
  // Popups take HTML: listing summaries come from people, so they go in as text only.
  function text(s) {
    var span = document.createElement("span");
    span.textContent = s;
    return span;
  }
  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); });
  }
  json("/assets/countries-110m.geojson").then(function (world) {
    L.geoJSON(world, {
      style: { color: "#6b7280", weight: 1, fillColor: "#f3f4f6", fillOpacity: tiles ? 0 : 1 },
      interactive: false
    }).addTo(map).bringToBack();
  });
  json("/map.json").then(function (data) {
    var bounds = [];
    data.groups.forEach(function (g) {
      L.circle([g.lat, g.lon], { radius: g.radiusKm * 1000, color: "#1d4ed8", weight: 2, fill: false, dashArray: "6 4" })
        .bindTooltip(text(g.label)).addTo(map);
      bounds.push([g.lat, g.lon]);
    });
    var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
    data.listings.forEach(function (l) {
      var marker = L.circleMarker([l.lat, l.lon], {
        radius: 8, weight: 2, color: l.kind === "need" ? "#b91c1c" : "#047857",
        fillColor: l.kind === "need" ? "#fca5a5" : "#6ee7b7", fillOpacity: 0.9
      }).bindPopup(text(l.label));
      marker.options.title = l.label;
      cluster.addLayer(marker);
      bounds.push([l.lat, l.lon]);
    });
    map.addLayer(cluster);
    el.setAttribute("data-listings", String(data.listings.length));
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
    }
  }).catch(function (e) {
    el.setAttribute("data-error", String(e && e.stack || e));
    console.error("map data: " + (e && e.stack || e));
  });
})();
