package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.ListingChangeMark;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot is written again while the bot runs only when there is something new in it. */
class SnapshotKeeperTest {
  @TempDir Path dir;

  @Test
  void writesOnlyWhenTheListingsChangedSinceItsLastSnapshot() throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("bot.db").toString())) {
      Listing stored = store.insertListing(listing());
      MatchIndex.of(store, Runnable::run);
      SnapshotKeeper keeper = new SnapshotKeeper(store);
      Path file = dir.resolve("bot.db.match-index");

      assertThat(keeper.writeIfChanged()).isTrue();
      assertThat(file).isRegularFile();
      Files.delete(file);
      assertThat(keeper.writeIfChanged()).as("nothing changed").isFalse();
      assertThat(file).doesNotExist();

      store.updateStatus(stored.id(), Status.WITHDRAWN);
      assertThat(keeper.writeIfChanged()).isTrue();
      assertThat(file).isRegularFile();
    }
  }

  @Test
  void writesNothingWhileTheIndexIsStillBeingRead() {
    try (Store store = SqliteStore.open(dir.resolve("bot.db").toString())) {
      store.insertListing(listing());
      MatchIndex.of(store, fill -> {}); // never filled in the background
      SnapshotKeeper keeper = new SnapshotKeeper(store);

      assertThat(keeper.writeIfChanged()).isFalse();
      assertThat(dir.resolve("bot.db.match-index")).doesNotExist();
    }
  }

  @Test
  void aSnapshotThatCannotBeWrittenStillCutsTheJournal() throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("bot.db").toString())) {
      Listing stored = store.insertListing(listing());
      MatchIndex.of(store, Runnable::run);
      SnapshotKeeper keeper = new SnapshotKeeper(store);
      ListingChangeMark before = store.lastListingChange().orElseThrow();
      store.updateStatus(stored.id(), Status.WITHDRAWN);
      // Where the new file would be written, a directory: as a disk that refuses the file.
      Files.createDirectory(dir.resolve("bot.db.match-index.new." + ProcessHandle.current().pid()));

      assertThatThrownBy(keeper::writeIfChanged).isInstanceOf(RuntimeException.class);

      assertThat(dir.resolve("bot.db.match-index")).doesNotExist();
      assertThat(store.listingsChangedAfter(before)).as("rows before the last deleted").isEmpty();
      assertThat(store.listingsChangedAfter(store.lastListingChange().orElseThrow()))
          .contains(Set.of());
    }
  }

  private static Listing listing() {
    Instant now = Instant.now();
    return new Listing(
        0,
        null,
        Kind.OFFER,
        Set.of(Category.FOOD),
        List.of(Item.named("rice")),
        "can give rice",
        new Place("Portland", "Portland", "US", 45.52, -122.68),
        Urgency.NORMAL,
        now,
        now.plus(Duration.ofDays(7)),
        Status.OPEN,
        Address.person(Channel.TELEGRAM, "4242"),
        "en",
        null);
  }
}
