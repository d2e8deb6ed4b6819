package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.flag;
import static org.aidbridge.bot.store.Columns.millis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;

/** Listings and their categories. */
final class ListingTable {
  /** Each listing with its categories folded into one column. */
  private static final String SELECT =
      """
      SELECT l.*,
             (SELECT string_agg(c.category, ',') FROM listing_categories c WHERE c.listing_id = l.id)
               AS categories
        FROM listings l
      """;

  private final Database db;
  private final ListingRows rows;

  ListingTable(Database db, RandomGenerator random) {
    this.db = db;
    this.rows = new ListingRows(db, random);
  }

  /**
   * The listing and its categories, all or none ({@link Database#atomically}: inside a transaction
   * without a savepoint of its own, which no caller needs, as none catches a failure and carries
   * on; it cost two statements more for every listing a message created).
   */
  Listing insert(Listing draft) {
    return db.atomically(() -> rows.insert(List.of(draft)).get(0));
  }

  /**
   * Several listings, all or none, without a savepoint for each nor for them all ({@link
   * Database#atomically}): in an import of 100,000 rows a savepoint per listing cost about 5% of
   * the CPU, and one around a thousand of them far more. Many listings to a statement ({@link
   * ListingRows}).
   */
  List<Listing> insertAll(List<Listing> drafts) {
    return db.atomically(() -> rows.insert(drafts));
  }

  /**
   * The values of a listing's row, in ListingRows' column order, the reference (first) still null.
   */
  static Object[] columns(Listing draft) {
    Address author = draft.author();
    return values(
        null,
        draft.kind().name(),
        draft.status().name(),
        draft.text(),
        Columns.json(draft.items()),
        placeColumns(draft.place()),
        draft.urgency().name(),
        millis(draft.createdAt()),
        millis(draft.expiresAt()),
        author.channel().id(),
        author.id(),
        flag(author.group()),
        draft.language(),
        draft.externalId());
  }

  Optional<Listing> byId(long id) {
    return db.one(SELECT + " WHERE l.id = ?", ListingTable::read, id);
  }

  List<Listing> byIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    return db.list(SELECT + " WHERE l.id IN (" + marks + ")", ListingTable::read, ids.toArray());
  }

  Optional<Listing> byRef(String ref) {
    // References are made in upper case (and typed ones normalized so): no case-blind compare.
    return db.one(
        SELECT + " WHERE l.ref = ?", ListingTable::read, ref.toUpperCase(java.util.Locale.ROOT));
  }

  Optional<Listing> byExternalId(String externalId) {
    return db.one(
        SELECT + " WHERE l.external_id = ? ORDER BY l.id LIMIT 1", ListingTable::read, externalId);
  }

  List<Listing> activeOf(Address author) {
    return db.list(
        SELECT
            + """
             WHERE l.author_channel = ? AND l.author_id = ? AND l.status IN ('OPEN', 'MATCHED')
             ORDER BY l.created_at DESC, l.id DESC
            """,
        ListingTable::read,
        author.channel().id(),
        author.id());
  }

  List<Listing> all() {
    return db.list(SELECT + " ORDER BY l.id", ListingTable::read);
  }

  void forEach(Consumer<Listing> each) {
    db.forEach(SELECT + " ORDER BY l.id", row -> each.accept(read(row)));
  }

  void forEachActive(Consumer<Listing> each) {
    db.forEach(
        SELECT + " WHERE l.status IN ('OPEN', 'MATCHED') ORDER BY l.id",
        row -> each.accept(read(row)));
  }

  /**
   * A page of the active listings, by id. The status is compared as an expression ({@code || ''})
   * so that SQLite walks the listings by id and stops at the limit, instead of taking every active
   * listing through the (status, expires_at) index and sorting them all for each page.
   */
  List<Listing> activeAfter(long afterId, int limit) {
    return db.list(
        SELECT
            + """
             WHERE l.id > ? AND l.status || '' IN ('OPEN', 'MATCHED')
             ORDER BY l.id LIMIT ?
            """,
        ListingTable::read,
        afterId,
        limit);
  }

  /**
   * Sets a listing's status; false when it had that status already, and nothing was written. A
   * listing matched three times at once is set matched once: an unchanged row written again still
   * rewrote its index entry and drew a new listings version (V22's trigger).
   */
  boolean updateStatus(long id, Status status) {
    int changed =
        db.update(
            "UPDATE listings SET status = ? WHERE id = ? AND status <> ?",
            status.name(),
            id,
            status.name());
    if (changed == 0 && db.one("SELECT 1 FROM listings WHERE id = ?", row -> 1, id).isEmpty()) {
      throw new StoreException("no listing with id " + id);
    }
    return changed > 0;
  }

  void updateDetails(Listing listing) {
    db.inTransaction(
        () -> {
          int changed =
              db.update(
                  """
                  UPDATE listings SET items_json = ?, place_text = ?, place_name = ?,
                      place_country = ?, place_lat = ?, place_lon = ?, urgency = ?, expires_at = ?
                   WHERE id = ?
                  """,
                  values(
                      Columns.json(listing.items()),
                      placeColumns(listing.place()),
                      listing.urgency().name(),
                      millis(listing.expiresAt()),
                      listing.id()));
          if (changed == 0) {
            throw new StoreException("no listing with id " + listing.id());
          }
          db.update("DELETE FROM listing_categories WHERE listing_id = ?", listing.id());
          rows.insertCategories(List.of(listing));
          return null;
        });
  }

  /**
   * The five place columns, in the order {@code place_text, place_name, place_country, place_lat,
   * place_lon}: all null for a listing with no place.
   */
  private static Object[] placeColumns(Place place) {
    return place == null
        ? new Object[5]
        : new Object[] {place.text(), place.name(), place.country(), place.lat(), place.lon()};
  }

  /** A statement's parameters, with those of {@link #placeColumns} spliced in where they stand. */
  private static Object[] values(Object... values) {
    List<Object> all = new java.util.ArrayList<>(values.length + 4);
    for (Object value : values) {
      if (value instanceof Object[] several) {
        all.addAll(java.util.Arrays.asList(several));
      } else {
        all.add(value);
      }
    }
    return all.toArray();
  }

  static Listing read(ResultSet row) throws SQLException {
    return new Listing(
        row.getLong("id"),
        row.getString("ref"),
        Columns.enumValue(row, "kind", Kind.class),
        Columns.categories(row.getString("categories")),
        ItemsColumn.read(row),
        row.getString("text"),
        Columns.place(row, "place"),
        Columns.enumValue(row, "urgency", Urgency.class),
        Columns.instant(row, "created_at"),
        Columns.instant(row, "expires_at"),
        Columns.enumValue(row, "status", Status.class),
        Columns.address(row, "author"),
        row.getString("language"),
        row.getString("external_id"));
  }
}
