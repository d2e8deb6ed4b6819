package org.aidbridge.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox drained through a scripted channel (the stand-in for Telegram's or Signal's answers):
 * order per chat, waiting, giving up, and never losing the others.
 */
class OutboxDispatcherTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.TELEGRAM, "1");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "2");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100");

  private final Store store = SqliteStore.open(":memory:");
  private final MutableClock clock = new MutableClock(T0);
  private final OutboxDispatcher dispatcher = new OutboxDispatcher(store, clock);
  private final ScriptedChannel channel = new ScriptedChannel();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void sendsInOrderAndRemembersTheChannelsIdForAnswers() {
    queue(ANA, "one");
    queue(BEN, "two");

    assertThat(dispatcher.drain(channel, 10)).isEqualTo(2);

    assertThat(channel.sent).containsExactly("one", "two");
    assertThat(store.sentMessage(Channel.TELEGRAM, "tg-one"))
        .map(e -> e.message().text())
        .contains("one");
    assertThat(store.dueOutbox(Channel.TELEGRAM, T0, 10)).isEmpty();
  }

  @Test
  void aChatThatMustWaitKeepsItsOrderWhileOthersGoOn() {
    queue(ANA, "a1");
    queue(ANA, "a2");
    queue(BEN, "b1");
    channel.script(
        "a1", e -> new SendOutcome.Deferred(T0.plusSeconds(5), false, false, "per-chat limit"));

    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("b1");

    clock.advance(Duration.ofSeconds(5));
    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("b1", "a1", "a2");
  }

  @Test
  void aWholeChannelPauseSendsNothingUntilItEnds() {
    queue(ANA, "a1");
    queue(BEN, "b1");
    channel.script("a1", e -> new SendOutcome.Deferred(T0.plusSeconds(30), true, true, "429"));

    dispatcher.drain(channel, 10);
    clock.advance(Duration.ofSeconds(29));
    assertThat(dispatcher.drain(channel, 10)).isZero();
    assertThat(channel.sent).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("a1", "b1");
  }

  @Test
  void aGroupThatRemovedTheBotLosesItsSubscriptionAndLaterMessages() {
    store.saveSubscription(
        new Subscription(
            GROUP, new Place("Portland", "Portland", "US", 45.5, -122.7), 50, Set.of(), "en"));
    long first = queue(GROUP, "g1");
    long second = queue(GROUP, "g2");
    channel.script("g1", e -> new SendOutcome.Unreachable("403 kicked"));

    dispatcher.drain(channel, 10);
    dispatcher.drain(channel, 10);

    assertThat(store.subscriptionOf(GROUP)).isEmpty();
    assertThat(store.isUnreachable(GROUP)).isTrue();
    assertThat(store.outboxEntry(first).orElseThrow().status())
        .isEqualTo(OutboxStatus.UNDELIVERABLE);
    assertThat(store.outboxEntry(second).orElseThrow().status())
        .isEqualTo(OutboxStatus.UNDELIVERABLE);
    assertThat(channel.sent).isEmpty();
  }

  @Test
  void aRejectedMessageIsDroppedAloneAndAFailureIsRetriedLater() {
    long rejected = queue(ANA, "bad");
    queue(ANA, "good");
    queue(BEN, "flaky");
    channel.script("bad", e -> new SendOutcome.Rejected("400 chat not found"));
    channel.script(
        "flaky",
        e -> {
          throw new IllegalStateException("connection reset");
        });

    dispatcher.drain(channel, 10);

    assertThat(store.outboxEntry(rejected).orElseThrow().status())
        .isEqualTo(OutboxStatus.UNDELIVERABLE);
    assertThat(channel.sent).containsExactly("good");
    clock.advance(Backoff.SEND.delay(0));
    dispatcher.drain(channel, 10);
    assertThat(channel.sent).containsExactly("good", "flaky");
  }

  private long queue(Address to, String text) {
    return store.enqueue(OutboundMessage.to(to, text, "en"), clock.instant()).id();
  }
}
