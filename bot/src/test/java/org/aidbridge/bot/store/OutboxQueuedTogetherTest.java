package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages queued together ({@link Store#enqueueAll}) are queued all or none, whether they fit in
 * one INSERT or take several: a row the database refuses (here through a trigger) leaves none of
 * them queued.
 */
class OutboxQueuedTogetherTest {
  @TempDir Path dir;

  private Path file;

  @BeforeEach
  void refuseTheWordBoom() throws SQLException {
    file = dir.resolve("bot.db");
    SqliteStore.open(file.toString()).close(); // the schema
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      other
          .createStatement()
          .execute(
              "CREATE TRIGGER refuse BEFORE INSERT ON outbox WHEN NEW.text = 'boom'"
                  + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
    }
  }

  @Test
  void aRefusedRowInOneInsertLeavesNoneOfItsRowsQueued() {
    assertNoneQueuedWhenTheLastIsRefused(3);
  }

  @Test
  void aRefusedRowInALaterInsertLeavesTheEarlierInsertsUndoneToo() {
    assertNoneQueuedWhenTheLastIsRefused(OutboxTable.ROWS_PER_INSERT + 2);
  }

  private void assertNoneQueuedWhenTheLastIsRefused(int count) {
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      store.enqueue(message(BOB, "kept"), T0);
      List<OutboundMessage> messages = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        messages.add(message(BOB, "m" + i));
      }
      messages.add(message(BOB, "boom"));

      assertThatThrownBy(() -> store.enqueueAll(messages, T0)).isInstanceOf(StoreException.class);

      assertThat(store.dueOutbox(Channel.TELEGRAM, T0, 100))
          .extracting(e -> e.message().text())
          .containsExactly("kept");
    }
  }
}
