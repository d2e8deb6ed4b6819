package org.aidbridge.bot.service;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention deletes old inbound messages and outbox entries a page at a time, each page its own
 * transaction: messages arriving meanwhile are stored between pages, a failure keeps the pages
 * deleted before it, and nothing still in flight is deleted.
 */
class OldMessagesRetentionPagesTest {
  /** Four full pages and a part of a fifth of each, half of them at the same moment. */
  private static final int OLD = 4 * Escalations.PAGE + 200;

  private static final Instant LATER = T0.plus(Duration.ofDays(31));

  @TempDir Path dir;
  private FileStoreFixture db;
  private Store store;
  private final List<Long> oldInbound = new ArrayList<>();

  @BeforeEach
  void open() {
    db = FileStoreFixture.in(dir);
    store = db.store();
    store.inTransaction(
        () -> {
          for (int i = 0; i < OLD; i++) {
            Instant at = i % 2 == 0 ? T0 : T0.plusMillis(i);
            long id =
                store
                    .recordInbound(InboundMessage.direct(ALICE, "old-" + i, "need food", at))
                    .orElseThrow();
            store.markProcessed(id);
            oldInbound.add(id);
            OutboxEntry sent = store.enqueue(message(BOB, "offer " + i), at);
            store.markSent(sent.id(), "tg-" + i, at);
          }
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void messagesArrivingDuringTheRetentionAreStoredBetweenItsPages() throws Exception {
    // How many old rows were left when each arriving message was stored, recorded by the database.
    db.execute("CREATE TABLE left_when_stored (inbox INTEGER NOT NULL, outbox INTEGER NOT NULL)");
    db.execute(
        "CREATE TRIGGER record_left AFTER INSERT ON raw_inbound BEGIN"
            + " INSERT INTO left_when_stored"
            + " SELECT (SELECT count(*) FROM inbox), (SELECT count(*) FROM outbox); END");
    // Each page made to take a while (a loop of SQL per deleted row): on a loaded machine the
    // arriving thread may not get a core for tens of milliseconds, as long as a whole run of
    // fast pages, and would then find the run over.
    for (String table : List.of("inbox", "outbox")) {
      db.execute(
          "CREATE TRIGGER slow_"
              + table
              + " BEFORE DELETE ON "
              + table
              + " BEGIN SELECT count(*)"
              + " FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
              + " WHERE x < 1000) SELECT x FROM c); END");
    }
    db.whileMessagesArrive(LATER, () -> db.housekeeping().run(LATER));

    assertThat(db.count("inbox") + db.count("outbox")).isZero();
    List<long[]> left = leftWhenStored();
    assertThat(left)
        .as("messages stored while old inbound messages were deleted, between two pages")
        .anyMatch(counts -> counts[0] > 0 && counts[0] < OLD)
        .allMatch(counts -> (OLD - counts[0]) % Escalations.PAGE == 0 || counts[0] == 0);
    assertThat(left)
        .as("messages stored while old outbox entries were deleted, between two pages")
        .anyMatch(counts -> counts[1] > 0 && counts[1] < OLD)
        .allMatch(counts -> (OLD - counts[1]) % Escalations.PAGE == 0 || counts[1] == 0);
  }

  @Test
  void aFailureInALaterPageKeepsThePagesDeletedBeforeItAndTheNextRunDeletesTheRest()
      throws SQLException {
    // A real database failure (as a full disk would) on the third page's first row: the pages go
    // by time, then id, so first through the even ones, all received at T0.
    long third = oldInbound.get(2 * 2 * Escalations.PAGE);
    db.execute(
        "CREATE TRIGGER retention_fails BEFORE DELETE ON inbox WHEN OLD.id = "
            + third
            + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

    assertThatThrownBy(() -> db.housekeeping().run(LATER)).isInstanceOf(StoreException.class);
    assertThat(db.count("inbox")).isEqualTo(OLD - 2 * Escalations.PAGE);

    db.execute("DROP TRIGGER retention_fails");
    db.housekeeping().run(LATER);

    assertThat(db.count("inbox") + db.count("outbox")).isZero();
  }

  @Test
  void nothingInFlightIsDeletedHoweverOld() {
    long waiting = record("waiting");
    long givenUpOn = record("given-up-on");
    store.giveUpInbound(givenUpOn);
    long failedOnce = record("failed-once");
    store.retryInboundLater(failedOnce, LATER, true);
    OutboxEntry pending = store.enqueue(message(ALICE, "pending"), T0);
    OutboxEntry claimed = store.enqueue(message(ALICE, "claimed"), T0);
    store.claimOutbox(claimed.id(), LATER, LATER.plusSeconds(120));
    OutboxEntry deferred = store.enqueue(message(BOB, "deferred"), T0);
    store.deferRecipient(BOB, LATER.plusSeconds(60), "rate limit");

    db.housekeeping().run(LATER);

    assertThat(store.unprocessedInbound(10))
        .extracting(s -> s.id())
        .containsExactly(waiting, failedOnce);
    assertThat(store.recordInbound(InboundMessage.direct(ALICE, "given-up-on", "x", T0)))
        .as("kept for an operator")
        .isEmpty();
    assertThat(store.outboxEntry(pending.id())).isPresent();
    assertThat(store.outboxEntry(claimed.id())).isPresent();
    assertThat(store.outboxEntry(deferred.id())).isPresent();
    assertThat(db.count("inbox")).isEqualTo(3);
    assertThat(db.count("outbox")).isEqualTo(3);
  }

  private long record(String id) {
    return store.recordInbound(InboundMessage.direct(ALICE, id, "need food", T0)).orElseThrow();
  }

  private List<long[]> leftWhenStored() throws SQLException {
    return db.query(
        "SELECT inbox, outbox FROM left_when_stored",
        row -> new long[] {row.getLong(1), row.getLong(2)});
  }
}
