package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable commit (an inbound batch before it is acted on) returns only once the log is forced to
 * the disk, and that sync runs after the connection is let go: meanwhile another thread (the
 * channel's reading thread keeping what it read) can write, instead of waiting behind the fsync.
 */
class DurableCommitSyncTest {
  @TempDir Path dir;

  private final CountDownLatch syncing = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger syncs = new AtomicInteger();
  private SqliteDatabase db;

  private void open(boolean blockFirstSync) {
    String file = dir.resolve("sync.db").toString();
    db =
        new SqliteDatabase(
            SqliteConnector.connect(file),
            SqliteConnector.walFile(SqliteConnector.jdbcUrl(file)),
            wal -> {
              if (syncs.incrementAndGet() == 1 && blockFirstSync) {
                syncing.countDown();
                try {
                  assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    db.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, what TEXT)");
  }

  @AfterEach
  void close() {
    release.countDown();
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aDurableCommitReturnsOnlyAfterItsSyncWhileOthersWriteDuringIt() throws Exception {
    open(true);
    CompletableFuture<Void> durable =
        CompletableFuture.runAsync(
            () ->
                db.inTransaction(
                    () -> {
                      db.update("INSERT INTO kept (what) VALUES ('batch')");
                      db.requireDurable();
                      return null;
                    }));
    assertThat(syncing.await(10, TimeUnit.SECONDS)).isTrue();

    // The sync is under way: the connection is free for the reading thread.
    CompletableFuture<Long> reader =
        CompletableFuture.supplyAsync(
            () -> db.urgently(() -> db.insert("INSERT INTO kept (what) VALUES ('read')")));
    assertThat(reader.get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(durable).isNotDone();

    release.countDown();
    durable.get(10, TimeUnit.SECONDS);
    assertThat(db.list("SELECT what FROM kept ORDER BY rowid", row -> row.getString(1)))
        .containsExactly("batch", "read");
  }

  @Test
  void everyDurableCommitIsSyncedOnceAndOnlyTheDurableOnes() {
    open(false);
    db.inTransaction(() -> db.update("INSERT INTO kept (what) VALUES ('not durable')"));
    assertThat(syncs).hasValue(0);

    for (int i = 1; i <= 3; i++) {
      db.inTransaction(
          () -> {
            db.update("INSERT INTO kept (what) VALUES ('durable')");
            db.requireDurable();
            return null;
          });
      assertThat(syncs).hasValue(i);
    }
    // Nothing written since the last sync: nothing to force.
    db.requireDurable();
    assertThat(syncs).hasValue(3);
    db.update("INSERT INTO kept (what) VALUES ('outside a transaction')");
    db.requireDurable();
    assertThat(syncs).hasValue(4);
  }

  @Test
  void aDurableCommitMadeWhileAnEarlierSyncRunsWaitsForASyncOfItsOwn() throws Exception {
    open(true);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                db.inTransaction(
                    () -> {
                      db.update("INSERT INTO kept (what) VALUES ('first')");
                      db.requireDurable();
                      return null;
                    }));
    assertThat(syncing.await(10, TimeUnit.SECONDS)).isTrue();
    db.inTransaction(
        () -> {
          db.update("INSERT INTO kept (what) VALUES ('second')");
          db.requireDurable();
          return null;
        });
    // The first sync may have begun before the second commit: the second had one of its own.
    assertThat(syncs).hasValue(2);
    assertThat(first).isNotDone();
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(first::isDone);
    first.get(); // no failure
  }
}
