package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Stream;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed instance leaves beside the database, met by the next start: the crash journals of a
 * database that was then restored from an older copy of itself, and a lock file a start killed
 * while making it left half-made.
 */
class JournalLeftoversTest {
  private static final String NOTIFICATION =
      "{\"envelope\":{\"sourceUuid\":\"c0ffee\",\"timestamp\":17,"
          + "\"dataMessage\":{\"message\":\"need rice in Portland\"}}}";

  @TempDir Path dir;

  @Test
  void journalsReplayedIntoAnOlderCopyOfTheirDatabaseMarkOnlyItsOwnEntriesAndKeepWhatWasRead()
      throws Exception {
    Path file = dir.resolve("aidbridge.db");
    long before;
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      before = store.enqueue(message(BOB, "queued before the backup"), T0).id();
      assertThat(store.claimOutbox(before, T0, T0.plusSeconds(120))).isTrue();
    }
    Path backup = dir.resolve("backup.db");
    vacuumInto(file, backup);

    long after;
    try (SqliteStore killed = SqliteStore.open(file.toString())) {
      after = killed.enqueue(message(BOB, "queued after the backup"), T0.plusSeconds(10)).id();
      killed.claimOutbox(after, T0.plusSeconds(10), T0.plusSeconds(130));
      // Both sent, and a Signal notification read; then killed before any reached the database
      // (a close keeps the lines in flight, as a kill does).
      killed.journalSent(before, "1001:1", T0.plusSeconds(20));
      killed.journalSent(after, "1001:2", T0.plusSeconds(21));
      killed.journalRawInbound(Channel.SIGNAL, NOTIFICATION, T0.plusSeconds(22));
    }
    assertThat(journalFiles()).as("left by the killed instance").isNotEmpty();

    // The restore of docs/deploy.md, section 4: the database and its -wal and -shm replaced.
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
    Files.copy(backup, file);

    try (SqliteStore restored = SqliteStore.open(file.toString())) {
      OutboxEntry sent = restored.outboxEntry(before).orElseThrow();
      assertThat(sent.status()).as("it was sent: not again").isEqualTo(OutboxStatus.SENT);
      assertThat(sent.channelMessageId()).isEqualTo("1001:1");
      assertThat(restored.outboxEntry(after)).as("unknown to the copy, not made up").isEmpty();
      long next =
          restored.enqueue(message(BOB, "queued after the restore"), T0.plusSeconds(30)).id();
      assertThat(next).isEqualTo(after);
      assertThat(restored.outboxEntry(next).orElseThrow().status())
          .as("a new entry that took the id of one the journal names is not marked")
          .isEqualTo(OutboxStatus.PENDING);
      assertThat(restored.rawInboundAfter(Channel.SIGNAL, 0, 10))
          .extracting(RawInbound::payload)
          .containsExactly(NOTIFICATION);
    }
    assertThat(journalFiles()).as("replayed once, then deleted").isEmpty();
  }

  @Test
  void journalsOfAnotherDatabaseAreNeverReplayedIntoItAndStayForTheirOwn() throws Exception {
    Path file = dir.resolve("aidbridge.db");
    long sentInA;
    try (SqliteStore a = SqliteStore.open(file.toString())) {
      sentInA = a.enqueue(message(BOB, "queued in database A"), T0).id();
      a.claimOutbox(sentInA, T0, T0.plusSeconds(120));
      // Sent and a notification read, then killed before either reached the database.
      a.journalSent(sentInA, "1001:1", T0.plusSeconds(20));
      a.journalRawInbound(Channel.SIGNAL, NOTIFICATION, T0.plusSeconds(22));
    }
    Path keptA = dir.resolve("kept").resolve("aidbridge.db");
    moveDatabase(file, keptA);

    // Another network's database, restored by mistake in A's place: its entry has the same id.
    Path other = dir.resolve("other").resolve("aidbridge.db");
    long waitingInB;
    try (SqliteStore b = SqliteStore.open(other.toString())) {
      waitingInB = b.enqueue(message(BOB, "queued in database B"), T0).id();
      b.claimOutbox(waitingInB, T0, T0.plusSeconds(120));
    }
    assertThat(waitingInB).isEqualTo(sentInA);
    moveDatabase(other, file);

    try (SqliteStore b = SqliteStore.open(file.toString())) {
      assertThat(b.outboxEntry(waitingInB).orElseThrow().status())
          .as("A's send marks nothing in B")
          .isEqualTo(OutboxStatus.SENDING);
      assertThat(b.rawInboundAfter(Channel.SIGNAL, 0, 10))
          .as("nor is A's notification B's")
          .isEmpty();
    }
    assertThat(journalFiles()).as("A's journals are kept for A").isNotEmpty();

    moveDatabase(file, dir.resolve("b-again").resolve("aidbridge.db"));
    moveDatabase(keptA, file);
    try (SqliteStore a = SqliteStore.open(file.toString())) {
      assertThat(a.outboxEntry(sentInA).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
      assertThat(a.rawInboundAfter(Channel.SIGNAL, 0, 10))
          .extracting(RawInbound::payload)
          .containsExactly(NOTIFICATION);
    }
    assertThat(journalFiles()).as("replayed into A, then deleted").isEmpty();
  }

  @Test
  void aLockFileAStartKilledWhileMakingItLeftIsDeletedByTheNextStart() throws Exception {
    Path file = dir.resolve("aidbridge.db");
    SqliteStore.open(file.toString()).close();
    // Created and locked under this name, to be moved to its .lock name: the kill came between.
    // The kernel freed its lock with the process; what is left is an empty file.
    Files.createFile(dir.resolve("aidbridge.db-journals.0a1b2c3d4e5f.new"));

    try (SqliteStore next = SqliteStore.open(file.toString())) {
      next.storeRawInbound(Channel.SIGNAL, NOTIFICATION, T0);
      assertThat(journalFiles()).noneMatch(name -> name.endsWith(".new"));
    }
    assertThat(journalFiles()).isEmpty();
  }

  @Test
  void aLockFileBeingMadeByAnotherStartIsLeftToIt() throws Exception {
    Path file = dir.resolve("aidbridge.db");
    SqliteStore.open(file.toString()).close();
    Path beingMade = dir.resolve("aidbridge.db-journals.0a1b2c3d4e5f.new");
    try (FileChannel other =
        FileChannel.open(beingMade, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      other.lock();

      SqliteStore.open(file.toString()).close();

      assertThat(beingMade).exists();
    }
  }

  /** Moves a closed database file (and its -wal and -shm, when left) to {@code to}. */
  private static void moveDatabase(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path source = Path.of(from + suffix);
      if (Files.exists(source)) {
        Files.move(source, Path.of(to + suffix));
      }
    }
  }

  private static void vacuumInto(Path file, Path copy) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement vacuum = db.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, copy.toString());
      vacuum.execute();
    }
  }

  /** The journal and lock files beside the database, of any instance. */
  private List<String> journalFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(
              n ->
                  n.startsWith("aidbridge.db-raw")
                      || n.startsWith("aidbridge.db-sent")
                      || n.startsWith("aidbridge.db-journals"))
          .toList();
    }
  }
}
