package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a channel read is written down at once, beside the database, so that a kill before its row
 * is committed does not lose it (signal-cli never hands a notification over twice).
 */
class RawJournalTest {
  private static final String NOTIFICATION =
      "{\"envelope\":{\"sourceUuid\":\"c0ffee\",\"timestamp\":17,"
          + "\"dataMessage\":{\"message\":\"need\\trice\\nin Portland\"}}}";

  @TempDir Path dir;

  @Test
  void aPayloadWrittenDownButNotInsertedBeforeAKillIsKeptWhenTheStoreOpensAgain() throws Exception {
    Path file = dir.resolve("bot.db");
    SqliteStore.open(file.toString()).close();
    // What a kill between reading the notification and committing its row leaves behind.
    RawJournal killed = RawJournal.beside(Path.of(file + "-wal"));
    assertThat(killed.append(Channel.SIGNAL, NOTIFICATION, T0)).isNotNull();
    killed.close();

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.dueRawInbound(Channel.SIGNAL, T0.plusSeconds(1), 10))
          .singleElement()
          .satisfies(
              raw -> {
                assertThat(raw.payload()).isEqualTo(NOTIFICATION);
                assertThat(raw.receivedAt()).isEqualTo(T0);
              });
    }
    assertThat(killed.file()).as("replayed, then deleted").doesNotExist();
  }

  @Test
  void theFileIsEmptyOnceThePayloadIsStored() throws Exception {
    Path file = dir.resolve("bot.db");
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      store.storeRawInbound(Channel.SIGNAL, NOTIFICATION, T0);

      assertThat(store.rawInboundCount(Channel.SIGNAL)).isEqualTo(1);
      // It kept the message's text only until its row was committed: forget can erase it.
      assertThat(Files.size(store.rawJournalFile())).isZero();
    }
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.rawInboundCount(Channel.SIGNAL)).isEqualTo(1); // not kept twice
    }
  }

  @Test
  void aPayloadWrittenDownAheadOnTheReadingThreadIsKeptThoughTheKillCameBeforeItsStore()
      throws Exception {
    Path file = dir.resolve("bot.db");
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      store.journalRawInbound(Channel.SIGNAL, NOTIFICATION, T0);
      // Killed here: the keeping thread never stored it (a close keeps a line still in flight).
    }

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.dueRawInbound(Channel.SIGNAL, T0.plusSeconds(1), 10))
          .singleElement()
          .satisfies(raw -> assertThat(raw.payload()).isEqualTo(NOTIFICATION));
    }
  }

  @Test
  void aPayloadWrittenDownAheadIsWrittenOnceAndTheFileIsEmptyOnceItIsStored() throws Exception {
    Path file = dir.resolve("bot.db");
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      Path journal = store.rawJournalFile();
      store.journalRawInbound(Channel.SIGNAL, NOTIFICATION, T0);
      assertThat(Files.readAllLines(journal)).hasSize(1);

      store.storeRawInbound(Channel.SIGNAL, NOTIFICATION, T0);

      assertThat(store.rawInboundCount(Channel.SIGNAL)).isEqualTo(1);
      assertThat(Files.size(journal)).isZero();
      // Stored again later (a retry), it is written down again, then emptied again.
      store.storeRawInbound(Channel.SIGNAL, NOTIFICATION, T0);
      assertThat(Files.size(journal)).isZero();
    }
  }
}
