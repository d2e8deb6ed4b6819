package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances, each with its own store and pool, on one PostgreSQL database, sending from the
 * same outbox at the same time: every entry is claimed by exactly one of them, and a recipient's
 * later entry waits while another instance sends its earlier one.
 */
class PostgresSharedOutboxTest {
  private static final Duration LEASE = Duration.ofMinutes(2);
  private PostgresStore first;
  private PostgresStore second;

  @BeforeEach
  void open() {
    DatabaseLogin database = TestPostgres.shared().newDatabase();
    first = PostgresStore.open(database, 4);
    second = PostgresStore.open(database, 4);
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  @Test
  void twoInstancesClaimingAtOnceNeverClaimTheSameEntry() throws Exception {
    Set<Long> queued = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Address to = Address.person(Channel.TELEGRAM, "person-" + (i % 120));
      queued.add(first.enqueue(message(to, "message " + i), T0).id());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      Future<List<Long>> byFirst = instances.submit(() -> sendAll(first, start));
      Future<List<Long>> bySecond = instances.submit(() -> sendAll(second, start));
      start.countDown();
      List<Long> a = byFirst.get(2, TimeUnit.MINUTES);
      List<Long> b = bySecond.get(2, TimeUnit.MINUTES);

      assertThat(a).doesNotHaveDuplicates().doesNotContainAnyElementsOf(b);
      assertThat(b).doesNotHaveDuplicates();
      Set<Long> all = new HashSet<>(a);
      all.addAll(b);
      assertThat(all).isEqualTo(queued);
      assertThat(a).as("both instances sent some").isNotEmpty();
      assertThat(b).as("both instances sent some").isNotEmpty();
      assertThat(first.outboxBacklog().depth()).isZero();
    } finally {
      instances.shutdownNow();
    }
  }

  @Test
  void aRecipientsLaterEntryWaitsWhileAnotherInstanceSendsTheEarlierOne() {
    Address bob = Address.person(Channel.TELEGRAM, "1001");
    long earlier = first.enqueue(message(bob, "one"), T0).id();
    long later = first.enqueue(message(bob, "two"), T0).id();

    assertThat(first.claimOutbox(earlier, T0, T0.plus(LEASE))).isTrue();
    assertThat(second.claimOutbox(earlier, T0, T0.plus(LEASE))).isFalse();
    assertThat(second.claimOutbox(later, T0, T0.plus(LEASE))).isFalse();

    first.markSent(earlier, "m1", T0);
    assertThat(second.claimOutbox(later, T0, T0.plus(LEASE))).isTrue();
  }

  @Test
  void anEntryWhoseInstanceDiedIsClaimedByAnotherOnceItsLeaseRunsOut() {
    long id = first.enqueue(message(StoreFixtures.BOB, "one"), T0).id();
    assertThat(first.claimOutbox(id, T0, T0.plus(LEASE))).isTrue();

    Instant beforeExpiry = T0.plus(LEASE).minusMillis(1);
    assertThat(second.claimOutbox(id, beforeExpiry, beforeExpiry.plus(LEASE))).isFalse();
    Instant expired = T0.plus(LEASE);
    assertThat(second.claimOutbox(id, expired, expired.plus(LEASE))).isTrue();
    assertThat(second.outboxResends(id)).isEqualTo(1);
  }

  /** Drains the outbox as a dispatcher does: due entries, each claimed, then marked sent. */
  private static List<Long> sendAll(Store store, CountDownLatch start) throws InterruptedException {
    start.await();
    List<Long> claimed = new ArrayList<>();
    while (true) {
      List<OutboxEntry> due = store.dueOutbox(Channel.TELEGRAM, T0, 20);
      if (due.isEmpty()) {
        return claimed;
      }
      for (OutboxEntry entry : due) {
        if (store.claimOutbox(entry.id(), T0, T0.plus(LEASE))) {
          claimed.add(entry.id());
          store.markSent(entry.id(), "sent-" + entry.id(), T0);
        }
      }
    }
  }
}
