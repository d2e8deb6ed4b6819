package org.aidbridge.bot.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;

/** Needs and offers that fit, one row per pair. */
final class MatchTable {
  private static final TypeReference<List<String>> REASONS = new TypeReference<>() {};

  /** Rows in one INSERT at most; a listing's new matches are a handful. */
  static final int PER_INSERT = 20;

  private static final String INSERT_INTO =
      "INSERT INTO matches (need_id, offer_id, score, reasons_json, created_at) VALUES ";
  private static final String ON_TAKEN_PAIR = " ON CONFLICT (need_id, offer_id) DO NOTHING";
  private static final String[] INSERT_ROWS =
      MultiRowInserts.upTo(
          PER_INSERT,
          INSERT_INTO,
          "(?, ?, ?, ?, ?)",
          ON_TAKEN_PAIR + " RETURNING id, need_id, offer_id");

  /** A match row before its listings are read. */
  private record Row(
      long id, long needId, long offerId, double score, List<String> reasons, Instant createdAt) {}

  private final Database db;
  private final ListingTable listings;

  MatchTable(Database db, ListingTable listings) {
    this.db = db;
    this.listings = listings;
  }

  /** Keeps a match, or gives back the one kept before for the same need and offer. */
  Match insert(Match match) {
    return insertAll(List.of(match)).get(0);
  }

  /**
   * Keeps matches as {@link #insert} keeps each, in this order, with one INSERT for up to {@link
   * #PER_INSERT} of them: a new listing's matches cost one statement, no savepoint and no lookup
   * first. A pair met twice gives back, the second time, the match kept the first.
   */
  List<Match> insertAll(List<Match> matches) {
    return db.atomically(
        () -> {
          Map<List<Long>, Long> newIds = new HashMap<>();
          for (int from = 0; from < matches.size(); from += PER_INSERT) {
            insertRows(matches.subList(from, Math.min(matches.size(), from + PER_INSERT)), newIds);
          }
          List<Match> kept = new ArrayList<>(matches.size());
          for (Match match : matches) {
            Long id = newIds.remove(List.of(match.need().id(), match.offer().id()));
            kept.add(id != null ? match.withId(id) : keptBefore(match));
          }
          return kept;
        });
  }

  /** Inserts the rows new; puts the id of each inserted under its (need id, offer id). */
  private void insertRows(List<Match> rows, Map<List<Long>, Long> newIds) {
    Object[] values = new Object[rows.size() * 5];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(values(rows.get(i)), 0, values, i * 5, 5);
    }
    db.insertReturning(
        INSERT_ROWS[rows.size() - 1],
        r -> newIds.put(List.of(r.getLong("need_id"), r.getLong("offer_id")), r.getLong("id")),
        values);
  }

  /** The five values of a match's row, in the order of {@link #INSERT_INTO}. */
  private static Object[] values(Match match) {
    return new Object[] {
      match.need().id(),
      match.offer().id(),
      match.score(),
      Columns.json(match.reasons()),
      Columns.millis(match.createdAt())
    };
  }

  /** The match kept before for the same need and offer, with its listings as they are now. */
  private Match keptBefore(Match match) {
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
