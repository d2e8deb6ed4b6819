package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.SnapshotFile;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match index is a cache of the store: after every kind of change (new listings, status
 * changes, new details, renewals, forgetting, a rolled-back transaction) it holds exactly the
 * store's active listings, and its best-first search answers exactly what scoring every active
 * listing read from the store answers.
 */
class MatchIndexTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final double[][] TOWNS = {
    {45.52, -122.68}, {44.94, -123.04}, {47.61, -122.33}, {42.36, -71.06}, {29.65, 52.53},
    {35.69, 51.39}, {31.69, -106.42}, {25.69, -100.32}, {-33.45, -70.67}, {64.14, -21.94}
  };
  private static final List<String> ITEMS =
      List.of("rice", "arroz", "insulin", "insulina", "انسولین", "coat", "tent", "diapers");
  private static final List<String> WORDS =
      List.of("warm", "winter", "baby", "size", "clinic", "ride", "pills", "fresh", "blankets");
  private static final Category[] CATEGORIES = {
    Category.FOOD,
    Category.MEDICINE,
    Category.CLOTHING,
    Category.MONEY,
    Category.BAIL_LEGAL,
    Category.HOUSING_SHELTER,
    Category.OTHER
  };

  private final Store store = SqliteStore.open(":memory:");
  private final MatchScorer scorer = new MatchScorer(150);
  private final SplittableRandom random = new SplittableRandom(11);
  private final List<Address> people = new ArrayList<>();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void answersWhatScoringEveryActiveListingInTheStoreAnswersThroughEveryKindOfChange() {
    Matcher early = new Matcher(store, scorer); // made before any listing: follows every change
    List<Listing> stored = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      stored.add(store.insertListing(randomListing()));
    }
    assertSameAsScan(early);

    for (int i = 0; i < 120; i++) {
      Listing l = stored.get(random.nextInt(stored.size()));
      Status status = Status.values()[random.nextInt(Status.values().length)];
      store.updateStatus(l.id(), status);
    }
    for (int i = 0; i < 40; i++) {
      Listing l = store.listingById(stored.get(random.nextInt(stored.size())).id()).orElseThrow();
      store.updateListing(l.withDetails(Set.of(randomCategory()), randomPlace()));
      store.setExpiry(l.id(), NOW.plus(Duration.ofDays(random.nextInt(-2, 9))));
    }
    store.forget(people.get(0));
    assertSameAsScan(early);

    Listing before = store.listingById(stored.get(5).id()).orElseThrow();
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    () -> {
                      store.insertListing(randomListing());
                      store.updateStatus(before.id(), Status.HIDDEN);
                      store.forget(people.get(1));
                      throw new IllegalStateException("rolled back");
                    }))
        .hasMessage("rolled back");
    assertSameAsScan(early);
    // A second matcher on the same store shares the index; a new store is read afresh.
    assertThat(MatchIndex.of(store)).isSameAs(MatchIndex.of(store));
  }

  @Test
  void aSavepointRolledBackInsideAKeptTransactionIsUndoneInTheIndexToo() {
    Matcher matcher = new Matcher(store, scorer);
    Listing kept = store.insertListing(randomListing());
    store.inTransaction(
        () -> {
          Listing inner = store.insertListing(randomListing());
          try {
            store.inTransaction(
                () -> {
                  store.updateStatus(kept.id(), Status.WITHDRAWN);
                  store.insertListing(randomListing());
                  throw new IllegalStateException("inner");
                });
          } catch (IllegalStateException expected) {
            // the savepoint is undone, the outer transaction goes on
          }
          store.updateStatus(inner.id(), Status.MATCHED);
        });
    assertThat(MatchIndex.of(store).ids()).hasSize(2).contains(kept.id());
    assertSameAsScan(matcher);
  }

  @Test
  void listingsStoredTogetherAreIndexedAndUndoneFromTheIndexWithTheirTransaction() {
    Matcher matcher = new Matcher(store, scorer);
    List<Listing> together =
        store.insertListings(List.of(randomListing(), randomListing(), randomListing()));
    assertThat(MatchIndex.of(store).ids())
        .containsExactlyInAnyOrderElementsOf(together.stream().map(Listing::id).toList());

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    () -> {
                      store.insertListings(List.of(randomListing(), randomListing()));
                      throw new IllegalStateException("rolled back");
                    }))
        .hasMessage("rolled back");

    assertThat(MatchIndex.of(store).ids()).hasSize(3);
    assertSameAsScan(matcher);
  }

  @Test
  void aStatusChangeAloneIsFollowedWhateverTheListingWasBefore() {
    Matcher matcher = new Matcher(store, scorer);
    Listing matched = store.insertListing(randomListing());
    Listing reopened = store.insertListing(randomListing());
    Listing closed = store.insertListing(randomListing());
    store.updateStatus(matched.id(), Status.MATCHED);
    store.updateStatus(reopened.id(), Status.HIDDEN);
    store.updateStatus(closed.id(), Status.FULFILLED);
    assertThat(MatchIndex.of(store).ids()).containsExactly(matched.id());

    store.updateStatus(reopened.id(), Status.OPEN); // not filed: the whole listing is read back
    store.updateStatus(matched.id(), Status.OPEN);
    assertThat(MatchIndex.of(store).ids()).containsExactlyInAnyOrder(matched.id(), reopened.id());
    assertSameAsScan(matcher);
  }

  @Test
  void anIndexMadeFromAStoreThatAlreadyHoldsListingsHoldsTheActiveOnes() {
    for (int i = 0; i < 200; i++) {
      Listing l = store.insertListing(randomListing());
      if (i % 3 == 0) {
        store.updateStatus(l.id(), Status.FULFILLED);
      }
    }
    assertSameAsScan(new Matcher(store, scorer));
  }

  @Test
  void whileTheIndexIsReadPageByPageNoChangeIsLostOrUndoneAndASearchSeesItWhole() {
    List<Listing> stored = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      stored.add(store.insertListing(randomListing()));
    }
    store.updateStatus(stored.get(7).id(), Status.FULFILLED);
    List<Runnable> background = new ArrayList<>(); // held: this test interleaves by hand
    MatchIndex index = MatchIndex.of(store, 40, background::add);
    Matcher matcher = new Matcher(store, scorer); // shares the index being read
    assertThat(index.apply(index.readPage())).isTrue();

    // A page read, then changes to listings in it, then the page applied: it must not bring the
    // listings back as they were.
    MatchIndex.Page second = index.readPage();
    long inSecond = second.profiles().get(3).id;
    store.updateStatus(inSecond, Status.WITHDRAWN);
    long changedInSecond = second.profiles().get(5).id;
    Listing before = store.listingById(changedInSecond).orElseThrow();
    store.updateListing(before.withDetails(Set.of(Category.MONEY), null));
    assertThat(index.apply(second)).isTrue();
    // Changes to listings read already and not yet.
    store.updateStatus(stored.get(2).id(), Status.HIDDEN);
    store.updateStatus(stored.get(250).id(), Status.MATCHED);
    store.updateStatus(stored.get(260).id(), Status.EXPIRED);
    assertThat(index.apply(index.readPage())).isTrue();

    // A search before the rest is read, inside a transaction that just stored a listing, reads the
    // rest first and finds what scoring every active listing finds.
    Listing query = randomListing();
    List<Match> found =
        store.inTransaction(
            () -> {
              store.insertListing(randomListing());
              store.updateStatus(stored.get(280).id(), Status.WITHDRAWN);
              return matcher.matchesFor(query, NOW, 5);
            });
    assertThat(found)
        .extracting(m -> m.counterpart(query).id())
        .containsExactlyElementsOf(
            matcher.matchesByFullScan(query, NOW, 5).stream()
                .map(m -> m.counterpart(query).id())
                .toList());
    assertThat(index.readPage()).as("complete").isNull();
    background.forEach(Runnable::run); // too late: the index is complete, and stays as it is
    store.forget(people.get(3));
    assertSameAsScan(matcher);
  }

  @Test
  void aChangeToManyListingsWhileTheIndexIsReadTellsThemAllAgainAndCompletesIt() {
    for (int i = 0; i < 200; i++) {
      store.insertListing(randomListing());
    }
    MatchIndex index = MatchIndex.of(store, 30, fill -> {});
    MatchIndex.Page first = index.readPage();
    store.forget(people.get(0)); // the store tells every active listing again
    assertThat(index.apply(first)).isFalse();
    assertThat(index.readPage()).isNull();
    assertSameAsScan(new Matcher(store, scorer));
  }

  @Test
  void anIndexReadInTheBackgroundWhileListingsChangeEndsUpHoldingTheActiveOnes() {
    List<Listing> stored = new ArrayList<>();
    store.inTransaction(
        () -> {
          for (int i = 0; i < 3_000; i++) {
            stored.add(store.insertListing(randomListing()));
          }
        });
    MatchIndex.of(
        store,
        50,
        fill -> {
          Thread thread = new Thread(fill, "test-index-fill");
          thread.setDaemon(true);
          thread.start();
        });
    for (int i = 0; i < 200; i++) {
      Listing l = stored.get(random.nextInt(stored.size()));
      store.updateStatus(l.id(), Status.values()[random.nextInt(Status.values().length)]);
      if (i % 20 == 0) {
        store.insertListing(randomListing());
      }
    }
    assertSameAsScan(new Matcher(store, scorer));
  }

  @Test
  void whatTravelsIsSearchedBestFirstWithoutScoringTheWholeCategory() {
    Matcher matcher = new Matcher(store, scorer);
    store.inTransaction(
        () -> {
          for (int i = 0; i < 3000; i++) {
            store.insertListing(
                new Listing(
                    0,
                    null,
                    Kind.OFFER,
                    Set.of(Category.MONEY),
                    List.of(),
                    "can give money",
                    new Place(
                        "t", "t", "XX", random.nextDouble(-60, 70), random.nextDouble(-180, 180)),
                    Urgency.NORMAL,
                    NOW.minus(Duration.ofMinutes(random.nextInt(10 * 24 * 60))),
                    NOW.plus(Duration.ofDays(7)),
                    Status.OPEN,
                    randomPerson(),
                    "en",
                    null));
          }
        });
    Listing need =
        new Listing(
            0,
            null,
            Kind.NEED,
            Set.of(Category.MONEY),
            List.of(),
            "need money for rent",
            new Place("Portland", "Portland", "US", 45.52, -122.68),
            Urgency.NORMAL,
            NOW,
            NOW.plus(Duration.ofDays(7)),
            Status.OPEN,
            randomPerson(),
            "en",
            null);

    MatchSearch search = MatchIndex.of(store).search(need, scorer, NOW.toEpochMilli(), 3);

    assertThat(search.found()).hasSize(3);
    assertThat(search.scored()).isLessThan(300); // of 3,000 in the category
    assertThat(search.found())
        .extracting(MatchSearch.Found::otherId)
        .containsExactlyElementsOf(
            matcher.matchesByFullScan(need, NOW, 3).stream().map(m -> m.offer().id()).toList());
  }

  @Test
  void aSnapshotServesEveryLaterStartWithTheListingsChangedSinceReadFromTheStore(@TempDir Path dir)
      throws Exception {
    String file = dir.resolve("bot.db").toString();
    try (Store first = SqliteStore.open(file)) {
      fillWithChangedListings(first);
      MatchIndex.saveSnapshot(first); // a graceful stop
    }
    Path snapshot = dir.resolve("bot.db.match-index");
    Path halfWritten = Files.copy(snapshot, dir.resolve("bot.db.match-index.new.999999999"));
    try (Store restarted = SqliteStore.open(file)) {
      MatchIndex index = filledNow(restarted);
      assertThat(index.filledFromSnapshot()).isTrue();
      assertThat(index.changedSinceSnapshot()).isZero();
      assertThat(snapshot).as("kept for a start after a kill").isRegularFile();
      assertThat(halfWritten).as("left by a killed writer").doesNotExist();
      assertSameAsScan(restarted, new Matcher(restarted, scorer));
      // Changed, then killed: no snapshot written after the changes.
      List<Listing> active = activeOf(restarted);
      restarted.updateStatus(active.get(3).id(), Status.WITHDRAWN);
      restarted.insertListing(randomListing());
      Listing moved = active.get(5);
      restarted.updateListing(moved.withDetails(Set.of(Category.WATER), randomPlace()));
    }
    // Another instance changes one listing's categories only, then this one starts again.
    try (Store other = SqliteStore.open(file)) {
      Listing l = activeOf(other).get(7);
      other.updateListing(l.withDetails(Set.of(Category.BAIL_LEGAL), l.place()));
    }
    try (Store afterTheKill = SqliteStore.open(file)) {
      MatchIndex index = filledNow(afterTheKill);
      assertThat(index.filledFromSnapshot()).isTrue();
      assertThat(index.changedSinceSnapshot()).isEqualTo(4);
      assertSameAsScan(afterTheKill, new Matcher(afterTheKill, scorer));
    }
  }

  @Test
  void aListingDeletedSinceTheSnapshotDoesNotComeBackFromIt(@TempDir Path dir) throws Exception {
    String file = dir.resolve("bot.db").toString();
    Path snapshot = dir.resolve("bot.db.match-index");
    Listing gone;
    try (Store first = SqliteStore.open(file)) {
      fillWithChangedListings(first);
      gone = activeOf(first).get(0);
      MatchIndex.saveSnapshot(first);
      Path kept = Files.copy(snapshot, dir.resolve("kept"));
      first.forget(gone.author()); // deletes their listings, and the snapshot
      assertThat(snapshot).as("deleted with the person").doesNotExist();
      Files.move(kept, snapshot); // only so that this test sees the deletion read from the journal
    }
    try (Store again = SqliteStore.open(file)) {
      MatchIndex index = filledNow(again);
      assertThat(index.filledFromSnapshot()).isTrue();
      assertThat(index.ids()).doesNotContain(gone.id());
      assertSameAsScan(again, new Matcher(again, scorer));
    }
  }

  @Test
  void aSnapshotOlderThanTheJournalOrOfACopyThatWentOnOtherwiseIsNeverUsed(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("bot.db");
    Path snapshot = dir.resolve("bot.db.match-index");
    try (Store first = SqliteStore.open(db.toString())) {
      fillWithChangedListings(first);
      MatchIndex.saveSnapshot(first);
      Files.copy(snapshot, dir.resolve("old"));
      first.insertListing(randomListing());
      MatchIndex.saveSnapshot(first); // the journal's rows before this one are deleted
    }
    Files.copy(dir.resolve("old"), snapshot, StandardCopyOption.REPLACE_EXISTING);
    try (Store again = SqliteStore.open(db.toString())) {
      assertThat(filledNow(again).filledFromSnapshot()).as("older than the journal").isFalse();
      assertSameAsScan(again, new Matcher(again, scorer));
    }

    // A backup of the database, restored after the original went on and wrote a snapshot.
    Path backup = Files.copy(db, dir.resolve("backup.db")); // the store is closed: one file
    try (Store original = SqliteStore.open(db.toString())) {
      for (int i = 0; i < 5; i++) {
        original.insertListing(randomListing());
      }
      MatchIndex.saveSnapshot(original);
    }
    try (Store restored = SqliteStore.open(backup.toString())) {
      for (int i = 0; i < 12; i++) { // more journal rows than the original's five listings wrote
        restored.updateStatus(activeOf(restored).get(0).id(), Status.FULFILLED);
      }
    }
    Files.copy(snapshot, dir.resolve("backup.db.match-index"));
    try (Store restored = SqliteStore.open(backup.toString())) {
      assertThat(filledNow(restored).filledFromSnapshot()).as("another history").isFalse();
      assertSameAsScan(restored, new Matcher(restored, scorer));
    }
  }

  @Test
  void forgettingAPersonDeletesTheSnapshotAndKeepsOneReadBeforeFromBeingWritten(@TempDir Path dir)
      throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("bot.db").toString())) {
      fillWithChangedListings(store);
      Listing theirs = activeOf(store).get(0);
      MatchIndex.saveSnapshot(store);
      SnapshotFile file = store.matchIndexSnapshotFile().orElseThrow();
      long before = file.forgettings();
      byte[] readBefore = Files.readAllBytes(file.path());

      store.forget(theirs.author());

      assertThat(file.path()).doesNotExist();
      assertThat(file.replace(out -> out.write(readBefore), before))
          .as("read before the forgetting")
          .isFalse();
      assertThat(file.path()).doesNotExist();
      MatchIndex.saveSnapshot(store);
      assertThat(new String(Files.readAllBytes(file.path()), StandardCharsets.ISO_8859_1))
          .doesNotContain(theirs.author().id());
    }
  }

  @Test
  void anotherDatabasesSnapshotOrADamagedOneIsNeverUsed(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one.db");
    Path two = dir.resolve("two.db");
    try (Store a = SqliteStore.open(one.toString());
        Store b = SqliteStore.open(two.toString())) {
      fillWithChangedListings(a);
      MatchIndex.saveSnapshot(a);
      b.insertListing(randomListing());
    }
    Path snapshot = dir.resolve("one.db.match-index");
    Files.copy(snapshot, dir.resolve("two.db.match-index"));
    try (Store b = SqliteStore.open(two.toString())) {
      assertThat(filledNow(b).filledFromSnapshot()).as("another database's").isFalse();
      assertSameAsScan(b, new Matcher(b, scorer));
    }
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[bytes.length / 2] ^= 1;
    Files.write(snapshot, bytes);
    try (Store a = SqliteStore.open(one.toString())) {
      assertThat(filledNow(a).filledFromSnapshot()).as("damaged").isFalse();
      assertSameAsScan(a, new Matcher(a, scorer));
    }
    Files.write(snapshot, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    try (Store a = SqliteStore.open(one.toString())) {
      assertThat(filledNow(a).filledFromSnapshot()).as("cut short").isFalse();
      assertSameAsScan(a, new Matcher(a, scorer));
    }
  }

  @Test
  void aSnapshotBeingWrittenNeverHoldsUpAForgetting(@TempDir Path dir) throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("bot.db").toString())) {
      Listing theirs = store.insertListing(randomListing());
      SnapshotFile file = store.matchIndexSnapshotFile().orElseThrow();
      CountDownLatch inBody = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      long before = file.forgettings();
      CompletableFuture<Boolean> written =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return file.replace(
                      out -> {
                        inBody.countDown(); // as a body reading pages of the store
                        awaitQuietly(release);
                        out.writeLong(1);
                      },
                      before);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      inBody.await();

      // A person forgotten inside a transaction while the body waits for the store: the body
      // must not hold what forgetting needs, or neither would ever go on.
      try {
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> store.inTransaction(() -> store.forget(theirs.author())));
      } finally {
        release.countDown();
      }

      assertThat(written.get()).as("begun before the forgetting").isFalse();
      assertThat(file.path()).doesNotExist();
      try (var left = Files.list(dir)) {
        assertThat(left.map(Path::getFileName).map(Path::toString))
            .noneMatch(name -> name.startsWith("bot.db.match-index"));
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Listings of every kind of change, so that the active ones are not simply all of them. */
  private void fillWithChangedListings(Store into) {
    List<Listing> stored = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      stored.add(into.insertListing(randomListing()));
    }
    for (int i = 0; i < 80; i++) {
      Listing l = stored.get(random.nextInt(stored.size()));
      into.updateStatus(l.id(), Status.values()[random.nextInt(Status.values().length)]);
    }
    for (int i = 0; i < 30; i++) {
      Listing l = into.listingById(stored.get(random.nextInt(stored.size())).id()).orElseThrow();
      into.updateListing(l.withDetails(Set.of(randomCategory()), randomPlace()));
    }
  }

  private static List<Listing> activeOf(Store store) {
    return store.allListings().stream().filter(l -> l.status().active()).toList();
  }

  /** The store's index, filled on this thread (from the snapshot when it may be). */
  private static MatchIndex filledNow(Store store) {
    MatchIndex index = MatchIndex.of(store, Runnable::run);
    assertThat(index.complete()).isTrue();
    return index;
  }

  private void assertSameAsScan(Matcher matcher) {
    assertSameAsScan(store, matcher);
  }

  private void assertSameAsScan(Store store, Matcher matcher) {
    MatchIndex index = MatchIndex.of(store);
    List<Listing> active = store.allListings().stream().filter(l -> l.status().active()).toList();
    assertThat(index.ids()).containsExactlyElementsOf(active.stream().map(Listing::id).toList());
    List<Listing> queries = new ArrayList<>(active.subList(0, Math.min(80, active.size())));
    for (int i = 0; i < 40; i++) {
      queries.add(randomListing()); // not stored, as a listing being made
    }
    for (Listing query : queries) {
      for (Instant at : List.of(NOW, NOW.plus(Duration.ofDays(4)))) {
        List<Listing> others = active.stream().filter(l -> l.kind() != query.kind()).toList();
        List<MatchSearch.Found> scan = index.scoreEach(query, others, scorer, at.toEpochMilli(), 5);
        List<Match> found = matcher.matchesFor(query, at, 5);
        assertThat(found)
            .extracting(m -> m.counterpart(query).id(), Match::score, Match::reasons)
            .as("matches of %s at %s", query, at)
            .containsExactlyElementsOf(
                scan.stream()
                    .map(
                        f ->
                            org.assertj.core.groups.Tuple.tuple(
                                f.otherId(), f.scored().score(), f.scored().reasons()))
                    .toList());
        assertThat(matcher.matchesByFullScan(query, at, 5))
            .extracting(m -> m.counterpart(query).id())
            .containsExactlyElementsOf(scan.stream().map(MatchSearch.Found::otherId).toList());
      }
    }
  }

  private Listing randomListing() {
    Kind kind = random.nextBoolean() ? Kind.NEED : Kind.OFFER;
    Address author = randomPerson();
    List<Item> items = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      items.add(Item.named(ITEMS.get(random.nextInt(ITEMS.size()))));
    }
    StringBuilder text = new StringBuilder(kind == Kind.NEED ? "need" : "can give");
    for (int i = random.nextInt(5); i > 0; i--) {
      text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
    }
    items.forEach(item -> text.append(' ').append(item.name()));
    if (kind == Kind.OFFER && random.nextInt(8) == 0) {
      text.append(", can ship");
    }
    Set<Category> categories = new java.util.HashSet<>(Set.of(randomCategory()));
    if (random.nextInt(4) == 0) {
      categories.add(randomCategory());
    }
    return new Listing(
        0,
        null,
        kind,
        categories,
        items,
        text.toString(),
        randomPlace(),
        random.nextInt(5) == 0 ? Urgency.HIGH : Urgency.NORMAL,
        NOW.minus(Duration.ofMinutes(random.nextInt(20 * 24 * 60))),
        NOW.plus(Duration.ofHours(random.nextInt(-24, 10 * 24))),
        Status.OPEN,
        author,
        "en",
        null);
  }

  private Category randomCategory() {
    return CATEGORIES[random.nextInt(CATEGORIES.length)];
  }

  private Place randomPlace() {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return null;
    }
    if (roll == 1) {
      return Place.unresolved("somewhere");
    }
    double[] town = TOWNS[random.nextInt(TOWNS.length)];
    return new Place(
        "town",
        "town",
        "XX",
        town[0] + random.nextDouble(-1.5, 1.5),
        town[1] + random.nextDouble(-1.5, 1.5));
  }

  private Address randomPerson() {
    if (people.size() < 40 || random.nextInt(4) == 0) {
      people.add(Address.person(Channel.TELEGRAM, "p" + people.size()));
      return people.get(people.size() - 1);
    }
    return people.get(random.nextInt(people.size()));
  }
}
