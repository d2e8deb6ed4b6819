package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aidbridge backup} copies the live database while the bot writes to it, and the copy,
 * restored as docs/deploy.md says (stop, replace the file, start), is a database the bot opens with
 * everything committed before the backup.
 */
class BackupRestoreTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Instant NOW = Cli.NOW;

  @TempDir Path dir;
  private Path live;
  private Store store;

  /** Ids of rows whose transaction has committed, in commit order. */
  private final List<Long> committedListings = new CopyOnWriteArrayList<>();

  private final List<Long> committedOutbox = new CopyOnWriteArrayList<>();
  private final AtomicBoolean writing = new AtomicBoolean(true);
  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    writing.set(false);
    writer.shutdownNow();
    if (store != null) {
      store.close();
    }
  }

  @Test
  void backupTakenWhileRowsAreWrittenHoldsEveryRowCommittedBeforeIt() throws Exception {
    openLive();
    writeRows(2_000); // enough that the copy takes a moment while the writer goes on
    Future<?> writes = writer.submit(this::writeUntilStopped);
    boolean overlapped = false;
    for (int attempt = 0; attempt < 5 && !overlapped; attempt++) {
      int from = committedListings.size();
      await().atMost(Duration.ofSeconds(10)).until(() -> committedListings.size() > from + 20);
      List<Long> listingsBefore = List.copyOf(committedListings);
      List<Long> outboxBefore = List.copyOf(committedOutbox);
      Path copy = dir.resolve("backup-" + attempt + ".db");

      Cli.Result backup = cli().run("backup", copy.toString());

      List<Long> listingsAfter = List.copyOf(committedListings);
      List<Long> outboxAfter = List.copyOf(committedOutbox);
      assertThat(backup.exitCode()).as(backup.err()).isZero();
      assertThat(backup.out()).contains("Backed up").contains(copy.toString());
      assertConsistentCopy(copy, listingsBefore, listingsAfter, outboxBefore, outboxAfter);
      overlapped = listingsAfter.size() > listingsBefore.size();
    }
    assertThat(overlapped).as("rows were committed while a backup ran").isTrue();
    int now = committedListings.size();
    await().atMost(Duration.ofSeconds(10)).until(() -> committedListings.size() > now + 20);
    writing.set(false);
    writes.get();
  }

  @Test
  void restoredCopyIsOpenedByTheBotWithTheRowsOfTheBackupAndNoneAfter() throws Exception {
    openLive();
    writeRows(300);
    Path copy = dir.resolve("backups/aidbridge.db");
    assertThat(cli().run("backup", copy.toString()).exitCode()).isZero();
    try (var inBackups = Files.list(copy.getParent())) {
      assertThat(inBackups).containsExactly(copy); // no partial file, no -wal or -shm beside it
    }
    writeRows(40); // lost by the restore: written after the backup
    List<Long> lateListings = committedListings.subList(300, 340);

    store.close(); // stop the bot
    store = null;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(live + suffix));
    }
    Files.copy(copy, live); // replace the file, then start

    Cli.Result export = cli().run("export");
    assertThat(export.exitCode()).isZero();
    assertThat(export.outLines()).hasSize(1 + 300);
    try (Store restored = SqliteStore.open(live.toString())) {
      assertThat(restored.allListings()).hasSize(300);
      assertThat(restored.allListings())
          .extracting(Listing::id)
          .containsExactlyInAnyOrderElementsOf(committedListings.subList(0, 300));
      assertThat(committedOutbox.subList(0, 300))
          .allMatch(id -> restored.outboxEntry(id).isPresent());
      assertThat(committedOutbox.subList(300, 340))
          .noneMatch(id -> restored.outboxEntry(id).isPresent());
      assertThat(lateListings).noneMatch(id -> restored.listingById(id).isPresent());
    }
  }

  @Test
  void theUnfinishedCopiesThatKilledBackupsLeftAreDeletedByTheNextBackup() throws IOException {
    openLive();
    writeRows(3);
    Path backups = Files.createDirectories(dir.resolve("backups"));
    // What a backup killed in its VACUUM INTO leaves: its copy under the temporary name, the
    // day's name of an earlier rotation; left long ago.
    Path killed = backups.resolve(".aidbridge-2026-11-30.db.partial-" + UUID.randomUUID());
    Files.write(killed, new byte[4096]);
    Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
    // One being written right now by a backup to another name: left to it.
    Path running = backups.resolve(".aidbridge-2026-12-01.db.partial-" + UUID.randomUUID());
    Files.write(running, new byte[4096]);
    // Not a copy of ours, however old.
    Path other = backups.resolve(".notes.partial-old");
    Files.write(other, new byte[1]);
    Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

    Cli.Result backup = cli().run("backup", backups.resolve("aidbridge-2026-12-02.db").toString());

    assertThat(backup.exitCode()).as(backup.err()).isZero();
    assertThat(killed).doesNotExist();
    assertThat(running).exists();
    assertThat(other).exists();
    assertThat(backup.out()).contains("Deleted 1 unfinished copy");
  }

  @Test
  void backupRefusesToOverwriteTheDatabaseItself() throws IOException {
    openLive();
    writeRows(3);
    long size = Files.size(live);

    Cli.Result result = cli().run("backup", live.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("cannot replace the database itself");
    assertThat(Files.size(live)).isEqualTo(size);
    assertThat(store.allListings()).hasSize(3);
  }

  @Test
  void backupOfAMissingDatabaseFailsAndCreatesNone() {
    live = dir.resolve("nothing-here.db");

    Cli.Result result = cli().run("backup", dir.resolve("copy.db").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("there is no database at");
    assertThat(live).doesNotExist();
    assertThat(dir.resolve("copy.db")).doesNotExist();
  }

  private Cli cli() {
    return new Cli(dir).env("AIDBRIDGE_DB", live.toString());
  }

  private void openLive() {
    live = dir.resolve("data/aidbridge.db");
    store = SqliteStore.open(live.toString());
  }

  private void writeUntilStopped() {
    while (writing.get()) {
      writeRows(1);
    }
  }

  /** Each listing and each outbox row is its own transaction, as the bot writes them. */
  private void writeRows(int count) {
    for (int i = 0; i < count; i++) {
      int n = committedListings.size();
      committedListings.add(store.insertListing(need("need rice " + n)).id());
      committedOutbox.add(store.enqueue(OutboundMessage.to(ANA, "match " + n, "en"), NOW).id());
    }
  }

  /**
   * The copy holds every row committed before the backup began, and beyond those only rows
   * committed by the time it ended, in commit order with no gap: one consistent moment.
   */
  private static void assertConsistentCopy(
      Path copy,
      List<Long> listingsBefore,
      List<Long> listingsAfter,
      List<Long> outboxBefore,
      List<Long> outboxAfter) {
    try (Store restored = SqliteStore.open(copy.toString())) {
      List<Long> listings =
          new ArrayList<>(restored.allListings().stream().map(Listing::id).toList());
      assertThat(listings).containsAll(listingsBefore);
      assertThat(listingsAfter).containsAll(listings);
      assertThat(listings)
          .containsExactlyInAnyOrderElementsOf(listingsAfter.subList(0, listings.size()));
      long outboxInCopy =
          outboxAfter.stream().filter(id -> restored.outboxEntry(id).isPresent()).count();
      assertThat(outboxAfter.subList(0, (int) outboxInCopy))
          .allMatch(id -> restored.outboxEntry(id).isPresent());
      assertThat(outboxInCopy).isGreaterThanOrEqualTo(outboxBefore.size());
      // Each listing's outbox row is committed right after it: the copy holds it, or it is the
      // one row that was not yet committed at the copy's moment.
      assertThat(outboxInCopy).isBetween((long) listings.size() - 1, (long) listings.size());
    }
  }

  private static Listing need(String text) {
    return new Listing(
        0,
        null,
        Kind.NEED,
        Set.of(Category.FOOD),
        List.of(),
        text,
        null,
        Urgency.NORMAL,
        NOW,
        NOW.plus(Duration.ofDays(7)),
        Status.OPEN,
        ANA,
        "en",
        null);
  }
}
