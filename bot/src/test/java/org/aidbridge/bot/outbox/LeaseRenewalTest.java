package org.aidbridge.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances sending from one outbox: a send that is slow but still going keeps its claim, so
 * the other instance never takes it for an interrupted one and sends it a second time.
 */
class LeaseRenewalTest {
  private static final Address ANA = Address.person(Channel.TELEGRAM, "1");
  private static final Duration LEASE = Duration.ofMillis(300);
  private static final OutboxPolicy POLICY = new OutboxPolicy(LEASE, 3, Backoff.SEND);

  private final Store store = SqliteStore.open(":memory:");
  private final Clock clock = Clock.systemUTC();

  @AfterEach
  void close() {
    store.close();
  }

  /** A channel whose platform takes each message but answers only when let. */
  private static final class SlowChannel implements ChannelSender {
    final List<String> taken = new CopyOnWriteArrayList<>();
    final CountDownLatch answer = new CountDownLatch(1);

    @Override
    public Channel channel() {
      return Channel.TELEGRAM;
    }

    @Override
    public SendOutcome send(OutboxEntry entry) {
      taken.add(entry.message().text());
      try {
        if (!answer.await(30, TimeUnit.SECONDS)) {
          return new SendOutcome.Failed("no answer", false);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new SendOutcome.Sent("m" + entry.id());
    }
  }

  @Test
  void aSendSlowerThanTheLeaseIsNotSentAgainByAnotherInstanceWhileItLasts() throws Exception {
    long id = store.enqueue(OutboundMessage.to(ANA, "hello", "en"), clock.instant()).id();
    SlowChannel first = new SlowChannel();
    SlowChannel second = new SlowChannel();
    second.answer.countDown();
    OutboxDispatcher one = new OutboxDispatcher(store, clock, POLICY, OutboxStats.NONE);
    OutboxDispatcher other = new OutboxDispatcher(store, clock, POLICY, OutboxStats.NONE);

    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> one.drain(first, 10));
    await().atMost(Duration.ofSeconds(5)).until(() -> first.taken.size() == 1);

    // Four leases and more while the first send lasts: the other instance finds nothing due.
    await()
        .during(LEASE.multipliedBy(4))
        .atMost(LEASE.multipliedBy(12))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              other.drain(second, 10);
              return second.taken.isEmpty();
            });

    first.answer.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(store.outboxEntry(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    other.drain(second, 10);
    assertThat(second.taken).as("sent once, by the first").isEmpty();
    assertThat(store.outboxResends(id)).isZero();
  }
}
