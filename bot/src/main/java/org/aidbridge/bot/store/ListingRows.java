package org.aidbridge.bot.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;

/**
 * Stores many listings with few statements, for an import's batch: up to {@link #PER_INSERT}
 * listings in one INSERT, and their categories together after them. With one statement for each
 * listing and each of its categories, an import of 100,000 rows spent 6.8 s of CPU storing them;
 * this way 5.2 s (BENCHMARKS.md).
 *
 * <p>References are tried as {@link ListingTable#insert} tries them: a listing whose reference is
 * taken is not inserted ({@code ON CONFLICT (ref) DO NOTHING}) and goes into the next statement
 * with another one. Such a listing gets a later id than those after it in the batch; the list
 * returned is still in the drafts' order. Runs inside the caller's transaction.
 */
final class ListingRows {
  /** Listings in one INSERT at most: 50 rows are 900 parameters, within both databases' limits. */
  static final int PER_INSERT = 50;

  private static final int CATEGORIES_PER_INSERT = 100;
  private static final String[] INSERT =
      statements(
          PER_INSERT,
          ListingTable.INSERT_INTO,
          ListingTable.ROW,
          ListingTable.ON_TAKEN_REF + " RETURNING id, ref");
  private static final String[] INSERT_CATEGORIES =
      statements(CATEGORIES_PER_INSERT, ListingTable.INSERT_CATEGORY_INTO, "(?, ?, ?)", "");

  private final Database db;
  private final RandomGenerator random;
  private final Map<Kind, Integer> shortestFree;

  /**
   * @param shortestFree per kind, the reference length to start at; updated as {@link ListingTable}
   *     does
   */
  ListingRows(Database db, RandomGenerator random, Map<Kind, Integer> shortestFree) {
    this.db = db;
    this.random = random;
    this.shortestFree = shortestFree;
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
    insertCategories(stored);
    return Arrays.asList(stored);
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
    Object[] values = new Object[rows.size() * ListingTable.COLUMNS];
    int at = 0;
    for (Waiting row : rows) {
      row.columns[0] = row.ref;
      System.arraycopy(row.columns, 0, values, at, ListingTable.COLUMNS);
      at += ListingTable.COLUMNS;
    }
    return values;
  }

  private void insertCategories(Listing[] stored) {
    List<Object> values = new ArrayList<>();
    int rows = 0;
    for (Listing listing : stored) {
      Integer cell = ListingTable.cellOf(listing);
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

  /** The statement inserting n rows at [n - 1]: the same String each time, for the cache. */
  private static String[] statements(int most, String into, String row, String tail) {
    String[] statements = new String[most];
    for (int n = 1; n <= most; n++) {
      statements[n - 1] = into + String.join(", ", Collections.nCopies(n, row)) + tail;
    }
    return statements;
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
      this.length = Math.max(shortestFree, ListingTable.SHORTEST_REF);
    }

    void nextTry() {
      if (++triesAtLength == ListingTable.TRIES_PER_LENGTH) {
        triesAtLength = 0;
        if (++length > ListingTable.LONGEST_REF) {
          throw new StoreException("no free listing reference found");
        }
      }
    }
  }
}
