package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Urgent work (a reading thread keeping what it read, a send being recorded) gets the connection as
 * soon as the transaction running now ends, ahead of threads that waited for it before.
 */
class DatabaseUrgentWorkTest {
  private final SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(":memory:"), null);

  @Test
  void urgentWorkGoesBeforeTheThreadsThatWaitedLonger() throws Exception {
    db.execute("CREATE TABLE log (what TEXT)");
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch handling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> transaction =
        CompletableFuture.runAsync(
            () ->
                db.inTransaction(
                    () -> {
                      handling.countDown();
                      await(release);
                      order.add("transaction");
                      return null;
                    }));
    assertThat(handling.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> queued =
        CompletableFuture.runAsync(() -> db.exclusively(() -> order.add("queued")));
    until(() -> db.waitingThreads() == 1);
    CompletableFuture<Void> urgent =
        CompletableFuture.runAsync(
            () ->
                db.urgently(
                    () -> {
                      db.update("INSERT INTO log VALUES ('urgent')"); // nested: never waits
                      return order.add("urgent");
                    }));
    until(() -> db.waitingThreads() == 2);

    release.countDown();
    CompletableFuture.allOf(transaction, queued, urgent).get(10, TimeUnit.SECONDS);

    assertThat(order).containsExactly("transaction", "urgent", "queued");
    assertThat(db.one("SELECT what FROM log", row -> row.getString(1))).contains("urgent");
  }

  /** Waits (spinning, at most 10 s) until the condition holds: here, until threads queue. */
  private static void until(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
