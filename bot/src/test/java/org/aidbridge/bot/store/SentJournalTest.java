package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send the channel confirmed is written down at once, beside the database, so that a kill before
 * the outbox row is marked SENT does not make the next run send it again.
 */
class SentJournalTest {
  private static final Instant LATER = T0.plusSeconds(600); // every lease has run out

  @TempDir Path dir;

  @Test
  void aSendWrittenDownButNotMarkedBeforeAKillIsMarkedSentWhenTheStoreOpensAgain()
      throws Exception {
    Path file = dir.resolve("bot.db");
    long id = claimedEntry(file);
    // What a kill between the channel's answer and the row's update leaves behind.
    SentJournal killed = SentJournal.beside(Path.of(file + "-wal"));
    assertThat(killed.append(id, "1001:77", T0.plusSeconds(1))).isTrue();
    killed.close();

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      OutboxEntry entry = store.outboxEntry(id).orElseThrow();
      assertThat(entry.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(entry.channelMessageId()).isEqualTo("1001:77");
      assertThat(store.dueOutbox(Channel.TELEGRAM, LATER, 10)).isEmpty();
    }
    assertThat(killed.file()).as("replayed, then deleted").doesNotExist();
  }

  @Test
  void aSendWrittenDownAheadByTheThreadThatReadTheAnswerIsMarkedSentThoughTheKillCameBeforeTheMark()
      throws Exception {
    Path file = dir.resolve("bot.db");
    long id = claimedEntry(file);
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      store.journalSent(id, "1745372301011", T0.plusSeconds(1));
      // Killed here, before the sending thread could mark it (a close keeps a line in flight).
    }

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      OutboxEntry entry = store.outboxEntry(id).orElseThrow();
      assertThat(entry.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(entry.channelMessageId()).isEqualTo("1745372301011");
    }
  }

  @Test
  void aSendWrittenDownAheadIsWrittenOnceAndItsMarkSettlesIt() throws Exception {
    Path file = dir.resolve("bot.db");
    long id = claimedEntry(file);
    Path journal;
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      journal = store.sentJournalFile();
      store.journalSent(id, "1745372301011", T0.plusSeconds(1));
      store.markSent(id, "1745372301011", T0.plusSeconds(1));

      assertThat(Files.readAllLines(journal)).hasSize(1);
      assertThat(store.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }
    // Nothing was left in flight: a clean close empties the file, and deletes it.
    assertThat(journal).doesNotExist();
  }

  @Test
  void withoutALineTheClaimedEntryIsSentAgainOnceItsLeaseRunsOut() {
    Path file = dir.resolve("bot.db");
    long id = claimedEntry(file);

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.dueOutbox(Channel.TELEGRAM, LATER, 10))
          .extracting(OutboxEntry::id)
          .containsExactly(id);
    }
  }

  @Test
  void aLineLeftFromALaterDeletedEntryDoesNotMarkANewerEntryThatTookItsId() throws Exception {
    Path file = dir.resolve("bot.db");
    long id = claimedEntry(file);
    SentJournal killed = SentJournal.beside(Path.of(file + "-wal"));
    killed.append(id, "1001:80", T0.plusSeconds(1));
    killed.close();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement sql = db.createStatement()) {
      // The entry was erased (forget) and a newer one, queued later, took its id.
      sql.executeUpdate(
          "UPDATE outbox SET created_at = "
              + T0.plusSeconds(5).toEpochMilli()
              + " WHERE id = "
              + id);
    }

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }
  }

  @Test
  void theFileIsEmptyOnceTheSendIsMarkedAndTheStoreStops() throws Exception {
    Path file = dir.resolve("bot.db");
    Path journal;
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      journal = store.sentJournalFile();
      long id = store.enqueue(message(BOB, "hello"), T0).id();
      store.claimOutbox(id, T0, T0.plusSeconds(120));
      store.markSent(id, "1001:78", T0.plusSeconds(1));

      assertThat(store.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }
    // It kept the person's chat id only while the row was not marked.
    assertThat(journal).doesNotExist();
  }

  @Test
  void aLineCutShortByAKillIsIgnoredAndTheWholeOnesBeforeItCount() throws Exception {
    Path file = dir.resolve("bot.db");
    long first = claimedEntry(file);
    long second;
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      second = store.enqueue(message(BOB, "again"), T0).id();
      store.claimOutbox(second, T0, T0.plusSeconds(120));
    }
    Files.writeString(
        Path.of(file + "-sent"),
        first + "\t1001%3A79\t" + T0.toEpochMilli() + "\n" + second + "\t1001%3A8",
        StandardCharsets.UTF_8);

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.outboxEntry(first).orElseThrow().channelMessageId()).isEqualTo("1001:79");
      assertThat(store.outboxEntry(second).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }
  }

  /** A database holding one outbox entry, claimed for sending (the send then cut short). */
  private static long claimedEntry(Path file) {
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      long id = store.enqueue(message(BOB, "hello"), T0).id();
      assertThat(store.claimOutbox(id, T0, T0.plusSeconds(120))).isTrue();
      return id;
    }
  }
}
