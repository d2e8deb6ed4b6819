package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.millis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;

/** Expiry, renewal questions, escalations, digests and retention: the listings' life in time. */
final class LifecycleTable {
  /** What an erased author's address id becomes. */
  static final String ERASED = "erased";

  private static final String SELECT_LISTINGS =
      """
      SELECT l.*,
             (SELECT string_agg(c.category, ',') FROM listing_categories c WHERE c.listing_id = l.id)
               AS categories
        FROM listings l
      """;

  static final String EXPIRING_SQL =
      SELECT_LISTINGS
          + """
           WHERE l.status IN ('OPEN', 'MATCHED') AND l.expires_at <= ?
           ORDER BY l.expires_at, l.id
          """;

  /** A page of those, by id. */
  static final String EXPIRING_PAGE_SQL =
      SELECT_LISTINGS
          + """
           WHERE l.status IN ('OPEN', 'MATCHED') AND l.expires_at <= ? AND l.id > ?
           ORDER BY l.id LIMIT ?
          """;

  static final String OPEN_NEEDS_SQL =
      SELECT_LISTINGS
          + """
           WHERE l.status = 'OPEN' AND l.expires_at > ? AND l.kind = 'NEED'
             AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.need_id = l.id)
           ORDER BY l.created_at, l.id
          """;

  /** A page of those, by id: the primary key walks them in order, a page at a time. */
  static final String OPEN_NEEDS_PAGE_SQL =
      SELECT_LISTINGS
          + """
           WHERE l.status = 'OPEN' AND l.expires_at > ? AND l.kind = 'NEED'
             AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.need_id = l.id)
             AND l.id > ?
           ORDER BY l.id LIMIT ?
          """;

  static final String DELETE_INBOUND_SQL =
      "DELETE FROM inbox WHERE processed = 1 AND received_at < ?";

  /** Closed listings: every status but the active ones, listed so the status index serves. */
  static final String ERASE_SQL =
      "UPDATE listings SET text = '', author_id = ?\n WHERE status IN ("
          + closedStatuses()
          + ") AND expires_at < ? AND created_at < ? AND author_id <> ?";

  /**
   * Closed listings not erased yet, written exactly as the {@code listings_to_erase} index's
   * condition is (so the database sees that the index holds them): constants, not parameters.
   */
  private static final String TO_ERASE =
      "author_id <> '"
          + ERASED
          + "' AND status NOT IN ("
          + Arrays.stream(Status.values())
              .filter(Status::active)
              .map(st -> "'" + st.name() + "'")
              .collect(Collectors.joining(", "))
          + ") AND created_at < ?";

  /** The rest of a page: listings to erase that end at the cursor's time, after its id. */
  static final String TO_ERASE_SAME_END_SQL =
      "SELECT expires_at, id FROM listings\n WHERE "
          + TO_ERASE
          + " AND expires_at = ? AND id > ?\n ORDER BY id LIMIT ?";

  /** The next ones: listings to erase that end after the cursor's time and before the cutoff. */
  static final String TO_ERASE_LATER_END_SQL =
      "SELECT expires_at, id FROM listings\n WHERE "
          + TO_ERASE
          + " AND expires_at > ? AND expires_at < ?\n ORDER BY expires_at, id LIMIT ?";

  private final Database db;

  LifecycleTable(Database db) {
    this.db = db;
  }

  List<Listing> activeExpiringBy(Instant until) {
    return db.list(EXPIRING_SQL, ListingTable::read, millis(until));
  }

  List<Listing> activeExpiringBy(Instant until, long afterId, int limit) {
    return db.list(EXPIRING_PAGE_SQL, ListingTable::read, millis(until), afterId, limit);
  }

  void setExpiry(long listingId, Instant expiresAt) {
    int changed =
        db.update("UPDATE listings SET expires_at = ? WHERE id = ?", millis(expiresAt), listingId);
    if (changed == 0) {
      throw new StoreException("no listing with id " + listingId);
    }
  }

  boolean markRenewalAsked(long listingId, Instant expiresAt, Instant at) {
    return db.update(
            """
            INSERT INTO renewal_prompts (listing_id, expires_at, asked_at)
            VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
            listingId,
            millis(expiresAt),
            millis(at))
        > 0;
  }

  List<Listing> awaitingRenewal(Address author) {
    return db.list(
        SELECT_LISTINGS
            + """
             WHERE l.author_channel = ? AND l.author_id = ? AND l.status IN ('OPEN', 'MATCHED')
               AND EXISTS (SELECT 1 FROM renewal_prompts p
                            WHERE p.listing_id = l.id AND p.expires_at = l.expires_at)
             ORDER BY l.expires_at, l.id
            """,
        ListingTable::read,
        author.channel().id(),
        author.id());
  }

  List<Listing> openUnmatchedNeeds(Instant now) {
    return db.list(OPEN_NEEDS_SQL, ListingTable::read, millis(now));
  }

  List<Listing> openUnmatchedNeeds(Instant now, long afterId, int limit) {
    return db.list(OPEN_NEEDS_PAGE_SQL, ListingTable::read, millis(now), afterId, limit);
  }

  boolean recordEscalation(long listingId, int ring, Instant at) {
    return db.update(
            "INSERT INTO escalations (listing_id, ring, escalated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            listingId,
            ring,
            millis(at))
        > 0;
  }

  List<Integer> escalationsOf(long listingId) {
    return db.list(
        "SELECT ring FROM escalations WHERE listing_id = ? ORDER BY ring",
        row -> row.getInt(1),
        listingId);
  }

  Map<Integer, Long> escalationsPerRing() {
    Map<Integer, Long> counts = new LinkedHashMap<>();
    db.list(
            "SELECT ring, count(*) FROM escalations GROUP BY ring ORDER BY ring",
            row -> Map.entry(row.getInt(1), row.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  boolean markDigestSent(Address group, String period, Instant at) {
    return db.update(
            """
            INSERT INTO digests_sent (group_channel, group_id, period, sent_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
            group.channel().id(),
            group.id(),
            period,
            millis(at))
        > 0;
  }

  int deleteProcessedInboundBefore(Instant before) {
    return db.update(DELETE_INBOUND_SQL, millis(before));
  }

  /** Sent entries, and entries given up on, older than {@code before}. */
  int deleteFinishedOutboxBefore(Instant before) {
    // Two statements, so each finds its rows through the (status, sent_at) index.
    return db.update("DELETE FROM outbox WHERE status = 'SENT' AND sent_at < ?", millis(before))
        + db.update(
            "DELETE FROM outbox WHERE status IN ('UNDELIVERABLE', 'DEAD_LETTER') AND created_at < ?",
            millis(before));
  }

  int deleteSentOutboxAbout(String topic) {
    return db.update("DELETE FROM outbox WHERE status = 'SENT' AND topic = ?", topic);
  }

  /**
   * Closed listings whose life ended before {@code before} keep what statistics need (kind,
   * categories, items, place, status, times) and lose what could identify someone: the original
   * text and the author's address.
   */
  int eraseClosedListingsBefore(Instant before) {
    return db.update(ERASE_SQL, ERASED, millis(before), millis(before), ERASED);
  }

  /**
   * As {@link #eraseClosedListingsBefore(Instant)}, for at most {@code limit} listings after {@code
   * after}, in the order of the {@code listings_to_erase} index, which erased listings leave.
   */
  RetentionPage eraseClosedListingsBefore(Instant before, RetentionPage.Cursor after, int limit) {
    long cutoff = millis(before);
    List<RetentionPage.Cursor> keys =
        KeysetPages.keys(
            db,
            TO_ERASE_SAME_END_SQL,
            TO_ERASE_LATER_END_SQL,
            List.of(cutoff),
            after,
            cutoff,
            limit);
    if (keys.isEmpty()) {
      return KeysetPages.page(keys, 0, limit);
    }
    List<Object> params = new ArrayList<>(List.of(cutoff, cutoff));
    keys.forEach(key -> params.add(key.id()));
    int erased =
        db.update(
            "UPDATE listings SET text = '', author_id = '"
                + ERASED
                + "'\n WHERE "
                + TO_ERASE
                + " AND expires_at < ? AND id IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?"))
                + ")",
            params.toArray());
    return KeysetPages.page(keys, erased, limit);
  }

  /**
   * Every status but the active ones, as SQL literals: listed so that an index on status serves.
   */
  private static String closedStatuses() {
    return Arrays.stream(Status.values())
        .filter(st -> !st.active())
        .map(st -> "'" + st.name() + "'")
        .collect(Collectors.joining(", "));
  }
}
