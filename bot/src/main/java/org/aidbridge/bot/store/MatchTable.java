package org.aidbridge.bot.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;

/** Needs and offers that fit, one row per pair. */
final class MatchTable {
  private static final TypeReference<List<String>> REASONS = new TypeReference<>() {};

  /** A match row before its listings are read. */
  private record Row(
      long id, long needId, long offerId, double score, List<String> reasons, Instant createdAt) {}

  private final Database db;
  private final ListingTable listings;

  MatchTable(Database db, ListingTable listings) {
    this.db = db;
    this.listings = listings;
  }

  /**
   * Keeps a match, or gives back the one kept before for the same need and offer. One statement
   * when it is new (most are): no savepoint, no lookup first.
   */
  Match insert(Match match) {
    OptionalLong id =
        db.insertIfNew(
            """
            INSERT INTO matches (need_id, offer_id, score, reasons_json, created_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (need_id, offer_id) DO NOTHING
            """,
            match.need().id(),
            match.offer().id(),
            match.score(),
            Columns.json(match.reasons()),
            Columns.millis(match.createdAt()));
    if (id.isPresent()) {
      return match.withId(id.getAsLong());
    }
    return db.inTransaction(
        () ->
            withListings(
                db.one(
                        "SELECT * FROM matches WHERE need_id = ? AND offer_id = ?",
                        MatchTable::read,
                        match.need().id(),
                        match.offer().id())
                    .orElseThrow()));
  }

  /** Best first; equal scores oldest first. */
  List<Match> of(long listingId) {
    return db.inTransaction(
        () -> {
          List<Row> rows =
              db.list(
                  """
                  SELECT * FROM matches WHERE need_id = ?
                  UNION ALL
                  SELECT * FROM matches WHERE offer_id = ?
                  ORDER BY score DESC, id
                  """,
                  MatchTable::read,
                  listingId,
                  listingId);
          List<Match> matches = new ArrayList<>(rows.size());
          for (Row row : rows) {
            matches.add(withListings(row));
          }
          return matches;
        });
  }

  /** The newest matches first. */
  List<Match> recent(int limit) {
    return db.inTransaction(
        () -> {
          List<Row> rows =
              db.list("SELECT * FROM matches ORDER BY id DESC LIMIT ?", MatchTable::read, limit);
          List<Match> matches = new ArrayList<>(rows.size());
          for (Row row : rows) {
            matches.add(withListings(row));
          }
          return matches;
        });
  }

  private Match withListings(Row row) {
    return new Match(
        row.id(),
        listing(row.needId()),
        listing(row.offerId()),
        row.score(),
        row.reasons(),
        row.createdAt());
  }

  private Listing listing(long id) {
    return listings
        .byId(id)
        .orElseThrow(() -> new StoreException("match refers to missing listing " + id));
  }

  private static Row read(ResultSet row) throws SQLException {
    return new Row(
        row.getLong("id"),
        row.getLong("need_id"),
        row.getLong("offer_id"),
        row.getDouble("score"),
        Columns.fromJson(row, "reasons_json", REASONS),
        Columns.instant(row, "created_at"));
  }
}
