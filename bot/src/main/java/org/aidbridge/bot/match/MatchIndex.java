package org.aidbridge.bot.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.ListingWatcher;
import org.aidbridge.bot.store.Store;

/**
 * Every active (open or matched) listing in memory, for matching without asking the database: by
 * kind and category, and by kind and item, each split into listings placed on a {@link
 * SpatialGrid}, offers that ship (on a grid of their own, never cut off by distance) and listings
 * of unknown place. A {@link MatchSearch} walks it best first.
 *
 * <p>The store stays the truth. The index is a cache: filled from the store when made, and kept
 * current because the store tells it of every change as it is made, and of every change undone by a
 * rollback ({@link ListingWatcher}). One index serves each open store ({@link #of}).
 *
 * <p>Thread-safe: searches share a read lock, changes take the write lock. A search on one thread
 * may see a listing another thread's transaction wrote and has not committed yet; the bot matches
 * only inside its own transactions, which the store runs one at a time.
 */
public final class MatchIndex implements ListingWatcher {
  private static final Map<Store, MatchIndex> BY_STORE = new WeakHashMap<>();

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final TextRelevance text = new TextRelevance();
  private final Map<Long, MatchProfile> byId = new HashMap<>();
  private final Map<Object, Bucket> buckets = new HashMap<>();

  /** Listings of one kind sharing a category or an item. */
  static final class Bucket {
    final SpatialGrid located = new SpatialGrid();
    final SpatialGrid ships = new SpatialGrid();
    final RankedEntries placeless = new RankedEntries();
    final RankedEntries placelessShips = new RankedEntries();
  }

  private record CategoryKey(Kind kind, Category category) {}

  private record ItemKey(Kind kind, String item) {}

  private MatchIndex() {}

  /** The index of {@code store}'s active listings, made (read from the store) on first use. */
  public static MatchIndex of(Store store) {
    synchronized (BY_STORE) {
      MatchIndex index = BY_STORE.get(store);
      if (index == null) {
        index = new MatchIndex();
        store.watchListings(index);
        BY_STORE.put(store, index);
      }
      return index;
    }
  }

  /**
   * Reads {@code store}'s index again from the store, which other instances may have changed while
   * this one stood by: the store is the truth, the index only a cache of it.
   */
  public static void refresh(Store store) {
    MatchIndex index = of(store);
    store.inTransaction(
        () -> {
          index.cleared();
          store.forEachListing(index::changed);
          return null;
        });
  }

  /** How many active listings it holds. */
  public int size() {
    lock.readLock().lock();
    try {
      return byId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void changed(Listing listing) {
    MatchProfile profile = listing.status().active() ? MatchProfile.of(listing, text) : null;
    lock.writeLock().lock();
    try {
      MatchProfile old = byId.remove(listing.id());
      if (old != null) {
        unfile(old);
      }
      if (profile != null) {
        byId.put(profile.id, profile);
        file(profile);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void removed(long listingId) {
    lock.writeLock().lock();
    try {
      MatchProfile old = byId.remove(listingId);
      if (old != null) {
        unfile(old);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void cleared() {
    lock.writeLock().lock();
    try {
      new ArrayList<>(byId.values()).forEach(this::unfile);
      byId.clear();
      buckets.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The best {@code limit} pairs for {@code listing}, found best first by score bounds. */
  List<MatchSearch.Found> best(Listing listing, MatchScorer scorer, long now, int limit) {
    return search(listing, scorer, now, limit).found();
  }

  /** The search that finds {@link #best}, done. */
  MatchSearch search(Listing listing, MatchScorer scorer, long now, int limit) {
    lock.readLock().lock();
    try {
      MatchProfile query = profileOf(listing);
      Kind wanted = query.kind == Kind.NEED ? Kind.OFFER : Kind.NEED;
      MatchSearch search = new MatchSearch(query, scorer, text, now, limit);
      for (Category c : listing.categories()) {
        Bucket bucket = buckets.get(new CategoryKey(wanted, c));
        if (bucket != null) {
          search.addCategory(bucket, c.travels());
        }
      }
      for (String item : query.items) {
        Bucket bucket = buckets.get(new ItemKey(wanted, item));
        if (bucket != null) {
          search.addItem(bucket);
        }
      }
      search.run();
      return search;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The same answer found the slow way, scoring every active listing of the other kind. */
  List<MatchSearch.Found> scanAll(Listing listing, MatchScorer scorer, long now, int limit) {
    lock.readLock().lock();
    try {
      MatchProfile query = profileOf(listing);
      MatchSearch search = new MatchSearch(query, scorer, text, now, limit);
      byId.values().stream().filter(p -> p.kind != query.kind).forEach(search::consider);
      return search.results();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Scores pairs of listings from the store with this index's word statistics (for tests). */
  List<MatchSearch.Found> scoreEach(
      Listing listing, List<Listing> others, MatchScorer scorer, long now, int limit) {
    lock.readLock().lock();
    try {
      MatchSearch search = new MatchSearch(profileOf(listing), scorer, text, now, limit);
      others.forEach(o -> search.consider(MatchProfile.of(o, text)));
      return search.results();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every indexed listing id, for comparison with the store. */
  List<Long> ids() {
    lock.readLock().lock();
    try {
      List<Long> ids = new ArrayList<>(byId.keySet());
      Collections.sort(ids);
      return ids;
    } finally {
      lock.readLock().unlock();
    }
  }

  private MatchProfile profileOf(Listing listing) {
    MatchProfile indexed = listing.id() == 0 ? null : byId.get(listing.id());
    return indexed != null ? indexed : MatchProfile.of(listing, text);
  }

  private void file(MatchProfile p) {
    text.add(p.terms);
    forEachBucket(p, bucket -> place(bucket, p, true));
  }

  private void unfile(MatchProfile p) {
    text.remove(p.terms);
    forEachBucket(p, bucket -> place(bucket, p, false));
  }

  private void forEachBucket(MatchProfile p, Consumer<Bucket> action) {
    for (Category c : Category.values()) {
      if (p.has(c)) {
        action.accept(buckets.computeIfAbsent(new CategoryKey(p.kind, c), k -> new Bucket()));
      }
    }
    for (String item : p.items) {
      action.accept(buckets.computeIfAbsent(new ItemKey(p.kind, item), k -> new Bucket()));
    }
  }

  private static void place(Bucket bucket, MatchProfile p, boolean add) {
    if (!p.located()) {
      RankedEntries list = p.ships ? bucket.placelessShips : bucket.placeless;
      if (add) {
        list.add(p);
      } else {
        list.remove(p);
      }
      return;
    }
    SpatialGrid grid = p.ships ? bucket.ships : bucket.located;
    if (add) {
      grid.add(p);
    } else {
      grid.remove(p);
    }
  }

  @Override
  public String toString() {
    return "MatchIndex[" + size() + " listings]";
  }
}
