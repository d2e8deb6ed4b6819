package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store gives each transaction a connection of its own: two threads' transactions
 * run at the same time (SQLite's one connection would make the second wait for the first), and
 * neither sees the other's work before it commits.
 */
class PostgresTransactionTest {
  private PostgresStore store;

  @BeforeEach
  void open() {
    store = PostgresStore.open(TestPostgres.shared().newDatabase(), 4);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aSecondTransactionCommitsWhileTheFirstIsStillOpen() throws Exception {
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () ->
                store.inTransaction(
                    () -> {
                      store.recordInbound(direct(ALICE, "m1", "need rice"));
                      firstWrote.countDown();
                      try {
                        return secondDone.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                      }
                    }));
    assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();

    store.inTransaction(() -> store.recordInbound(direct(BOB, "m2", "offer rice")));
    assertThat(store.unprocessedInbound(10))
        .as("the first transaction's message is not seen before it commits")
        .extracting(m -> m.message().channelMessageId())
        .containsExactly("m2");
    secondDone.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(store.unprocessedInbound(10))
        .extracting(m -> m.message().channelMessageId())
        .containsExactlyInAnyOrder("m1", "m2");
  }
}
