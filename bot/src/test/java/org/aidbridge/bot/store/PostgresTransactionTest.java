package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.CARA;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
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

  @Test
  void aOneTimeSignInLinkOpenedTwiceAtOnceOpensOnce() throws Exception {
    store.saveDashboardLink("hash", ALICE, T0.plusSeconds(600));
    CountDownLatch firstUsed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Optional<Address>> first =
        CompletableFuture.supplyAsync(
            () ->
                store.inTransaction(
                    () -> {
                      Optional<Address> opened = store.useDashboardLink("hash", T0);
                      firstUsed.countDown();
                      awaitQuietly(release);
                      return opened;
                    }));
    assertThat(firstUsed.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Optional<Address>> second =
        CompletableFuture.supplyAsync(() -> store.useDashboardLink("hash", T0));
    awaitABlockedSession();
    release.countDown();

    assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
        .filteredOn(Optional::isPresent)
        .hasSize(1);
  }

  @Test
  void twoPeopleLinkingAtOnceBecomeTwoPeople() throws Exception {
    CountDownLatch firstLinked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                store.inTransaction(
                    () -> {
                      store.link(ALICE, CARA);
                      firstLinked.countDown();
                      awaitQuietly(release);
                      return null;
                    }));
    assertThat(firstLinked.await(30, TimeUnit.SECONDS)).isTrue();
    Address dan = Address.person(Channel.EMAIL, "dan@example.org");
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> store.link(BOB, dan));
    awaitABlockedSession();
    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);

    assertThat(store.linkedWith(ALICE)).containsExactlyInAnyOrder(ALICE, CARA);
    assertThat(store.linkedWith(BOB)).containsExactlyInAnyOrder(BOB, dan);
  }

  /** Until another session of this database waits for a lock (the second request, held back). */
  private void awaitABlockedSession() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection watcher = store.dataSource().getConnection();
        PreparedStatement waiting =
            watcher.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = waiting.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("the second request never waited for the first");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
