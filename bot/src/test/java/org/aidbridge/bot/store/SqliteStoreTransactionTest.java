package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads sharing one store, and transactions within transactions. */
class SqliteStoreTransactionTest {
  private static final int THREADS = 6;
  private static final int ROUNDS = 40;

  @TempDir Path dir;

  @Test
  void concurrentWritersDoNotCorruptTheStore() throws Exception {
    Path file = dir.resolve("bot.db");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Address person = Address.person(Channel.TELEGRAM, "70" + t);
        writers.add(pool.submit(() -> writeRounds(store, person, start)));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }

      int total = THREADS * ROUNDS;
      assertThat(store.unprocessedInbound(total + 1)).hasSize(total);
      assertThat(store.allListings())
          .extracting(Listing::ref)
          .doesNotHaveDuplicates()
          .hasSize(total);
      List<OutboxEntry> due = store.dueOutbox(Channel.TELEGRAM, T0, total + 1);
      assertThat(due).hasSize(total);
      assertThat(due).extracting(OutboxEntry::id).isSorted();
    } finally {
      pool.shutdownNow();
    }
    assertThat(SqliteStoreFileTest.pragma(file, "integrity_check")).isEqualTo("ok");
  }

  private static Void writeRounds(Store store, Address person, CountDownLatch start)
      throws InterruptedException {
    start.await();
    for (int i = 0; i < ROUNDS; i++) {
      String messageId = person.id() + "-" + i;
      store.inTransaction(
          () -> {
            store.recordInbound(direct(person, messageId, "need rice"));
            store.insertListing(draft(Kind.NEED, person, Category.FOOD));
            store.enqueue(message(person, "got it"), T0);
          });
      store.putState("last-" + person.id(), messageId);
    }
    return null;
  }

  @Test
  void failedInnerTransactionCaughtByTheOuterUndoesOnlyItsOwnWork() {
    try (SqliteStore store = SqliteStore.open(":memory:")) {
      store.inTransaction(
          () -> {
            store.putState("outer", "kept");
            assertThatThrownBy(
                    () ->
                        store.inTransaction(
                            () -> {
                              store.putState("inner", "undone");
                              throw new IllegalStateException("inner fails");
                            }))
                .hasMessage("inner fails");
            store.putState("after", "kept");
          });

      assertThat(store.state("outer")).contains("kept");
      assertThat(store.state("inner")).isEmpty();
      assertThat(store.state("after")).contains("kept");
    }
  }
}
