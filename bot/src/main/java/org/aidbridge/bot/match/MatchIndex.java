package org.aidbridge.bot.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.aidbridge.bot.ThreadCpu;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.ListingChangeMark;
import org.aidbridge.bot.store.ListingWatcher;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Filling it at 100,000 listings takes a few seconds of a processor, so it is read a page at a
 * time on a thread of its own while the application starts; the first search (or count) before it
 * is complete reads the rest itself, so no search ever sees a part of it. A change told while it
 * fills is the newest state of that listing: a page read before the change and applied after it
 * must not bring the older one back, so the listings told of are left out of the pages.
 *
 * <p>Thread-safe: searches share a read lock, changes take the write lock. A search on one thread
 * may see a listing another thread's transaction wrote and has not committed yet; the bot matches
 * only inside its own transactions, which the store runs one at a time.
 */
public final class MatchIndex implements ListingWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(MatchIndex.class);
  private static final Map<Store, MatchIndex> BY_STORE = new WeakHashMap<>();
  private static final int PAGE = 2_000;

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

  private record CategoryKey(Kind kind, Category category) {
    // One key per kind and category, made once: filing 100,000 listings at a start looked each up
    // several times, and made a new key (and a new array of the categories) every time.
    private static final CategoryKey[][] ALL = all();

    static CategoryKey of(Kind kind, Category category) {
      return ALL[kind.ordinal()][category.ordinal()];
    }

    @Override
    public int hashCode() { // as ItemKey's
      return 31 * category.ordinal() + kind.ordinal();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CategoryKey k && k.kind == kind && k.category == category;
    }

    private static CategoryKey[][] all() {
      CategoryKey[][] all = new CategoryKey[Kind.values().length][CATEGORIES.length];
      for (Kind kind : Kind.values()) {
        for (Category category : CATEGORIES) {
          all[kind.ordinal()][category.ordinal()] = new CategoryKey(kind, category);
        }
      }
      return all;
    }
  }

  private static final Category[] CATEGORIES = Category.values();

  private record ItemKey(Kind kind, String item) {
    // Written out: the generated ones go through method handles, which the compilers spend far
    // longer on (filing 100,000 listings at a start hashes a key for each item of each).
    @Override
    public int hashCode() {
      return 31 * item.hashCode() + kind.ordinal();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ItemKey k && k.kind == kind && k.item.equals(item);
    }
  }

  private final int pageSize;
  // The store while the index is being read from it; null once complete (or cleared, after which
  // the store tells every active listing again).
  private volatile Store filling;
  private long filledUpTo; // guarded by the write lock: every active listing up to this id is in
  private Set<Long> toldWhileFilling = new HashSet<>(); // guarded by the write lock
  private final CountDownLatch completed = new CountDownLatch(1);
  private final long fillStarted = System.nanoTime();
  private volatile boolean fromSnapshot;
  private volatile int changedSinceSnapshot;

  private MatchIndex(Store store, int pageSize) {
    this.filling = store;
    this.pageSize = pageSize;
  }

  /**
   * The index of {@code store}'s active listings, made on first use and read from the store on a
   * thread of its own.
   */
  public static MatchIndex of(Store store) {
    return of(
        store,
        PAGE,
        fill -> {
          Thread thread = new Thread(fill, "match-index-fill");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /**
   * As {@link #of(Store)}, the pages read on {@code filler} (for an application that fills it on a
   * thread of its choice, and for tests that hold the filling back). When {@code store} has an
   * index already, that one, as it is.
   */
  public static MatchIndex of(Store store, Executor filler) {
    return of(store, PAGE, filler);
  }

  /** As {@link #of(Store)}, reading pages of {@code pageSize} listings on {@code filler}. */
  static MatchIndex of(Store store, int pageSize, Executor filler) {
    MatchIndex index;
    synchronized (BY_STORE) {
      index = BY_STORE.get(store);
      if (index != null) {
        return index;
      }
      index = new MatchIndex(store, pageSize);
      store.watchListingChanges(index);
      BY_STORE.put(store, index);
    }
    filler.execute(index::fillInBackground);
    return index;
  }

  private void fillInBackground() {
    try {
      if (fillFromSnapshot()) {
        return;
      }
      while (fillPage()) {
        // page after page, until complete or another thread completed it
      }
    } catch (RuntimeException e) {
      // The store closed, or failed: the first search reads the rest itself, and fails loudly.
      LOG.debug("match index: reading in the background stopped", e);
    }
  }

  /**
   * Fills the whole index from the snapshot beside the store and the listings changed since it was
   * written ({@link MatchIndexSnapshot#read}); false when there is none that can be used, or
   * another thread read a page meanwhile (the pages then go on).
   */
  private boolean fillFromSnapshot() {
    Store store = filling;
    if (store == null) {
      return false;
    }
    Optional<MatchIndexSnapshot.Loaded> loaded = MatchIndexSnapshot.read(store, text);
    if (loaded.isEmpty()) {
      return false;
    }
    changedSinceSnapshot = loaded.get().changedSince();
    // False when applied (complete), or another thread completed it meanwhile; true when another
    // thread read a page first: the pages then go on.
    return !apply(new Page(0, loaded.get().profiles(), true, true));
  }

  /**
   * Whether the index was filled from a snapshot (true) or read from the store page by page (for
   * the tests that a stale snapshot is never used).
   */
  boolean filledFromSnapshot() {
    return fromSnapshot && complete();
  }

  /** How many listings changed since the snapshot it was filled from (read from the store). */
  int changedSinceSnapshot() {
    return changedSinceSnapshot;
  }

  /**
   * Writes the snapshot that a later start of this store may fill the index from ({@link
   * MatchIndexSnapshot}): read from the store, not from this index, a page at a time. Nothing when
   * the store keeps none (in memory, PostgreSQL). While the application runs (so that a start after
   * a kill reads only what changed since) and at a graceful stop, after the last change. The
   * journal row it names, or empty when none was written.
   */
  public static Optional<ListingChangeMark> saveSnapshot(Store store) {
    long started = System.nanoTime();
    Optional<ListingChangeMark> written = MatchIndexSnapshot.write(store, PAGE);
    if (written.isPresent()) {
      LOG.info("match index: snapshot written in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
    return written;
  }

  /** Reads the rest of the index from the store on this thread, if it is not complete yet. */
  private void readRest() {
    while (filling != null && fillPage()) {
      // each page is applied under the write lock, so searches in between see none of it
    }
  }

  /**
   * Reads the next page of active listings from the store and adds them. False once the index is
   * complete.
   */
  boolean fillPage() {
    Page page = readPage();
    return page != null && apply(page);
  }

  /** A page of active listings read from the store, after listing {@code after}. */
  record Page(long after, List<MatchProfile> profiles, boolean last, boolean snapshot) {
    Page(long after, List<MatchProfile> profiles, boolean last) {
      this(after, profiles, last, false);
    }
  }

  /** The next page to add, or null when the index is complete. */
  Page readPage() {
    Store store = filling;
    if (store == null) {
      return null;
    }
    long after;
    lock.readLock().lock();
    try {
      after = filledUpTo;
    } finally {
      lock.readLock().unlock();
    }
    List<Listing> listings = store.activeListingsAfter(after, pageSize);
    List<MatchProfile> profiles = new ArrayList<>(listings.size());
    listings.forEach(l -> profiles.add(MatchProfile.of(l, text)));
    return new Page(after, profiles, listings.size() < pageSize);
  }

  /**
   * Adds a page read from the store, but the listings told of since the index was made, which it
   * holds as they are now (the page may be older). False once the index is complete.
   */
  boolean apply(Page page) {
    lock.writeLock().lock();
    try {
      if (filling == null || filledUpTo != page.after()) {
        return filling != null; // completed, or this page applied by another thread meanwhile
      }
      if (page.snapshot()) {
        fileAllAtOnce(page.profiles());
      } else {
        for (MatchProfile p : page.profiles()) {
          if (!toldWhileFilling.contains(p.id)) {
            replace(p.id, p);
          }
        }
      }
      if (page.last()) {
        fromSnapshot = page.snapshot();
        filling = null;
        toldWhileFilling = null;
        completed.countDown();
        LOG.info(
            "match index: {} active listings read in {} ms{}",
            byId.size(),
            (System.nanoTime() - fillStarted) / 1_000_000,
            fromSnapshot
                ? " (from the snapshot, and "
                    + changedSinceSnapshot
                    + " changed since from the store)"
                : "");
        if (LOG.isDebugEnabled()) {
          LOG.debug(
              "match index: read on {}, which used {} ms of processor time",
              Thread.currentThread().getName(),
              ThreadCpu.millis());
        }
        return false;
      }
      filledUpTo = page.profiles().get(page.profiles().size() - 1).id;
      return true;
    } finally {
      lock.writeLock().unlock();
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

  /**
   * Whether it holds every active listing: read from the store to the end (or told them all again).
   * Before that a search reads the rest itself first, which at 100,000 listings takes seconds; the
   * application says it is not ready yet ({@code /health}) and housekeeping waits.
   */
  public boolean complete() {
    return filling == null;
  }

  /**
   * Waits at most {@code timeout} for the index to be {@link #complete()}, without reading any of
   * it on this thread; true when it is.
   */
  public boolean awaitComplete(Duration timeout) throws InterruptedException {
    return completed.await(timeout.toNanos(), TimeUnit.NANOSECONDS) || complete();
  }

  /** How many active listings it holds. */
  public int size() {
    readRest();
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
      told(listing.id());
      replace(listing.id(), profile);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Under the write lock, before any page: files every profile but those told of meanwhile (as
   * {@link #replace} would), each list appended to out of order and sorted once at the end.
   */
  private void fileAllAtOnce(List<MatchProfile> profiles) {
    List<RankedEntries> unsorted = new ArrayList<>();
    for (MatchProfile p : profiles) {
      // Before the first page the index holds only listings told of, which stay as told.
      if (!toldWhileFilling.contains(p.id)) {
        byId.put(p.id, p);
        text.add(p.terms);
        forEachBucket(p, bucket -> append(bucket, p, unsorted));
      }
    }
    unsorted.forEach(RankedEntries::sort);
  }

  private static void append(Bucket bucket, MatchProfile p, List<RankedEntries> unsorted) {
    if (!p.located()) {
      (p.ships ? bucket.placelessShips : bucket.placeless).append(p, unsorted);
    } else {
      (p.ships ? bucket.ships : bucket.located).add(p, unsorted);
    }
  }

  /** Under the write lock: files {@code profile} (null: nothing) in place of listing {@code id}. */
  private void replace(long id, MatchProfile profile) {
    MatchProfile old = byId.remove(id);
    if (old != null) {
      unfile(old);
    }
    if (profile != null) {
      byId.put(profile.id, profile);
      file(profile);
    }
  }

  /** Under the write lock: while filling, a listing told of is no longer taken from a page. */
  private void told(long id) {
    if (toldWhileFilling != null) {
      toldWhileFilling.add(id);
    }
  }

  /**
   * A listing's profile holds no status: one that stays active and is filed already needs nothing
   * more (a need or offer becoming MATCHED, the most frequent change), one no longer active leaves.
   * One active but not filed (open again, or on a page not read yet) needs the whole listing.
   */
  @Override
  public boolean statusChanged(long listingId, Status status) {
    if (!status.active()) {
      removed(listingId);
      return true;
    }
    lock.readLock().lock();
    try {
      return byId.containsKey(listingId);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void removed(long listingId) {
    lock.writeLock().lock();
    try {
      told(listingId);
      replace(listingId, null);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void cleared() {
    lock.writeLock().lock();
    try {
      // Every active listing is told again now: the pages not read yet are not needed.
      filling = null;
      toldWhileFilling = null;
      completed.countDown();
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
    readRest();
    lock.readLock().lock();
    try {
      MatchProfile query = profileOf(listing);
      Kind wanted = query.kind == Kind.NEED ? Kind.OFFER : Kind.NEED;
      MatchSearch search = new MatchSearch(query, scorer, text, now, limit);
      for (Category c : listing.categories()) {
        Bucket bucket = buckets.get(CategoryKey.of(wanted, c));
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
    readRest();
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
    readRest();
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
    readRest();
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
    for (Category c : CATEGORIES) {
      if (p.has(c)) {
        action.accept(buckets.computeIfAbsent(CategoryKey.of(p.kind, c), k -> new Bucket()));
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
