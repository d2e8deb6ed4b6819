package org.aidbridge.routes.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.aidbridge.bot.EscalationRing;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.Store;

/** The board's rows: open listings that pass the filter, the needs that waited longest first. */
final class BoardRows {
  /** One listing on the board, with how long it waited and the farthest ring it reached. */
  record Row(Listing listing, Duration waited, int ring) {}

  private BoardRows() {}

  static List<Row> of(Store store, BoardFilter filter, Instant now) {
    return store.allListings().stream()
        .filter(l -> l.status().active() && l.expiresAt().isAfter(now))
        .filter(l -> filter.accepts(l, now))
        .sorted(
            Comparator.comparing((Listing l) -> l.kind() == Kind.NEED ? 0 : 1)
                .thenComparing(Listing::createdAt)
                .thenComparing(Listing::id))
        .map(
            l ->
                new Row(
                    l,
                    Duration.between(l.createdAt(), now),
                    store.escalationsOf(l.id()).stream().mapToInt(i -> i).max().orElse(-1)))
        .toList();
  }

  /** "2 · 150km@24h": the ring's number (1 is the nearest) and how it is configured. */
  static String ringLabel(int ring, List<EscalationRing> rings, WebText t) {
    if (ring < 0) {
      return t.get("none");
    }
    return (ring + 1) + (ring < rings.size() ? " · " + rings.get(ring).spec() : "");
  }

  /** "3 d 4 h", "5 h", "12 min". */
  static String age(Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    return d.toHours() > 0 ? d.toHours() + " h" : Math.max(0, d.toMinutes()) + " min";
  }
}
