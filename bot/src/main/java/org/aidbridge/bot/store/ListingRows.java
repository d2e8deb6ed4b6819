package org.aidbridge.bot.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;
import org.aidbridge.bot.model.Shipping;

/**
 * Stores new listings with their categories, many with few statements: up to {@link #PER_INSERT}
 * listings in one INSERT (an import's batch), and their categories together after them. With one
 * statement for each listing and each of its categories, an import of 100,000 rows spent 6.8 s of
 * CPU storing them; this way 5.2 s (BENCHMARKS.md).
 *
 * <p>Each listing gets a reference no listing has; longer ones once the short ones get crowded. A
 * reference is tried by inserting the row under it: a taken one inserts nothing ({@code ON CONFLICT
 * (ref) DO NOTHING}) and the listing goes into the next statement with another, so no query asks
 * first. Such a listing gets a later id than those after it in the batch; the list returned is
 * still in the drafts' order. A search starts at the length where the last one of its kind found a
 * free reference: once the short ones are crowded (at 100,000 listings the three-character ones
 * are), trying them again for every new listing was a fifth of an import's inserting. Shorter ones
 * are tried again after a restart. Runs inside the caller's transaction.
 */
final class ListingRows {
  /** Listings in one INSERT at most: 50 rows are 900 parameters, within both databases' limits. */
  static final int PER_INSERT = 50;

  private static final int SHORTEST_REF = 3;
  private static final int LONGEST_REF = 6;
  private static final int TRIES_PER_LENGTH = 8;
  private static final int CATEGORIES_PER_INSERT = 100;
  private static final String[] INSERT =
      MultiRowInserts.upTo(
          PER_INSERT,
          """
          INSERT INTO listings (ref, kind, status, text, items_json,
              place_text, place_name, place_country, place_lat, place_lon,
              urgency, created_at, expires_at, author_channel, author_id, author_is_group,
              language, external_id)
          VALUES\s""",
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", // ListingTable.columns
          " ON CONFLICT (ref) DO NOTHING RETURNING id, ref");
  private static final String[] INSERT_CATEGORIES =
      MultiRowInserts.upTo(
          CATEGORIES_PER_INSERT,
          "INSERT INTO listing_categories (listing_id, category, cell) VALUES ",
          "(?, ?, ?)",
          "");

  private final Database db;
  private final RandomGenerator random;
  // Per kind, the reference length the last listing of that kind was stored under.
  private final Map<Kind, Integer> shortestFree = new ConcurrentHashMap<>();

  ListingRows(Database db, RandomGenerator random) {
    this.db = db;
    this.random = random;
  }

  /** Stores the drafts; returns them stored, in their order. */
  List<Listing> insert(List<Listing> drafts) {
    Listing[] stored = new Listing[drafts.size()];
    List<Waiting> waiting = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Listing draft = drafts.get(i);
      waiting.add(new Waiting(i, draft, shortestFree.getOrDefault(draft.kind(), 0)));
    }
    while (!waiting.isEmpty()) {
      List<Waiting> refused = new ArrayList<>();
      for (int from = 0; from < waiting.size(); from += PER_INSERT) {
        refused.addAll(
            insertRows(waiting.subList(from, Math.min(waiting.size(), from + PER_INSERT)), stored));
      }
      waiting = refused;
    }
    List<Listing> inOrder = Arrays.asList(stored);
    insertCategories(inOrder);
    return inOrder;
  }

  /**
   * Inserts the rows, each under a new reference; returns those left for the next statement: those
   * whose reference was taken, and those that drew the reference of a row before them here (two
   * rows under one reference could not be told apart by what the insert returns).
   */
  private List<Waiting> insertRows(List<Waiting> rows, Listing[] stored) {
    List<Waiting> tried = new ArrayList<>(rows.size());
    List<Waiting> later = new ArrayList<>();
    Set<String> refs = new HashSet<>();
    for (Waiting row : rows) {
      row.ref = ListingRefs.random(row.draft.kind(), random, row.length);
      (refs.add(row.ref) ? tried : later).add(row);
    }
    Map<String, Long> ids = new HashMap<>();
    db.insertReturning(
        INSERT[tried.size() - 1], r -> ids.put(r.getString("ref"), r.getLong("id")), values(tried));
    for (Waiting row : tried) {
      Long id = ids.get(row.ref);
      if (id == null) {
        row.nextTry();
        later.add(row);
      } else {
        shortestFree.put(row.draft.kind(), row.length);
        stored[row.index] = row.draft.withIdAndRef(id, row.ref);
      }
    }
    return later;
  }

  /** The parameters of the rows' INSERT, each row under the reference it tries. */
  private static Object[] values(List<Waiting> rows) {
    int columns = rows.get(0).columns.length;
    Object[] values = new Object[rows.size() * columns];
    int at = 0;
    for (Waiting row : rows) {
      row.columns[0] = row.ref;
      System.arraycopy(row.columns, 0, values, at, columns);
      at += columns;
    }
    return values;
  }

  /** One index row per category of each stored listing, with its geographic cell. */
  void insertCategories(List<Listing> stored) {
    List<Object> values = new ArrayList<>();
    int rows = 0;
    for (Listing listing : stored) {
      Integer cell = cellOf(listing);
      for (Category category : listing.categories()) {
        Collections.addAll(values, listing.id(), category.id(), cell);
        if (++rows == CATEGORIES_PER_INSERT) {
          db.update(INSERT_CATEGORIES[rows - 1], values.toArray());
          values.clear();
          rows = 0;
        }
      }
    }
    if (rows > 0) {
      db.update(INSERT_CATEGORIES[rows - 1], values.toArray());
    }
  }

  /** The geographic cell a listing's categories are filed under; null for none. */
  private static Integer cellOf(Listing listing) {
    // An offer that ships or works remotely is filed under no cell, like one of unknown place, so
    // every nearby-listing query finds it wherever the need is.
    boolean anywhere = listing.kind() == Kind.OFFER && Shipping.offered(listing);
    return !anywhere && listing.place() != null && listing.place().resolved()
        ? GeoCells.of(listing.place().lat(), listing.place().lon())
        : null;
  }

  /** A listing still to store, with the reference length it tries next. */
  private static final class Waiting {
    final int index;
    final Listing draft;
    final Object[] columns;
    int length;
    int triesAtLength;
    String ref;

    Waiting(int index, Listing draft, int shortestFree) {
      this.index = index;
      this.draft = draft;
      this.columns = ListingTable.columns(draft);
      this.length = Math.max(shortestFree, SHORTEST_REF);
    }

    void nextTry() {
      if (++triesAtLength == TRIES_PER_LENGTH) {
        triesAtLength = 0;
        if (++length > LONGEST_REF) {
          throw new StoreException("no free listing reference found");
        }
      }
    }
  }
}
