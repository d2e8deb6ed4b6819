package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.RawInbound;
import org.aidbridge.bot.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a channel reads is stored before the next read, handled in order, bounded, never dropped.
 */
class RawInboxTest {
  private final SqliteStore store = SqliteStore.open(":memory:");
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final AtomicBoolean ready = new AtomicBoolean(true);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private RawInbox inbox;

  private RawInbox inbox(int maxWaiting) {
    inbox =
        new RawInbox(
            Channel.SIGNAL,
            store,
            Clock.systemUTC(),
            payload -> {
              if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the daemon did not answer");
              }
              handled.add(payload);
              if (payload.endsWith(":forget")) {
                inbox.eraseFrom(Address.person(Channel.SIGNAL, payload.split(":")[0]));
              }
            },
            // A payload here is "<sender id>:<text>".
            (payload, personId) -> payload.startsWith(personId + ":"),
            ready::get,
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            maxWaiting);
    return inbox;
  }

  @AfterEach
  void close() {
    if (inbox != null) {
      inbox.close();
    }
    store.close();
  }

  @Test
  void aPayloadIsStoredWhenKeepReturnsAndHandledInOrderFromTheStore() {
    ready.set(false);
    RawInbox raw = inbox(10);
    raw.start();

    assertThat(raw.keep("one")).isTrue();
    assertThat(raw.keep("two")).isTrue();
    assertThat(store.rawInboundCount(Channel.SIGNAL)).isEqualTo(2);

    ready.set(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);
    assertThat(handled).containsExactly("one", "two");
    assertThat(store.rawInboundCount(Channel.SIGNAL)).isZero();
  }

  @Test
  void whenTheLimitIsWaitingTheReaderWaitsUntilOneIsHandled() {
    ready.set(false);
    RawInbox raw = inbox(2);
    raw.start();
    raw.keep("one");
    raw.keep("two");

    CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> raw.keep("three"));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !third.isDone());

    ready.set(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3);
    assertThat(third).isCompletedWithValue(true);
  }

  @Test
  void aPayloadThatCannotBeHandledYetIsTriedAgainNeverDropped() {
    failuresLeft.set(5);
    RawInbox raw = inbox(10);
    raw.start();

    raw.keep("group command");

    await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("group command"));
    assertThat(store.rawInboundCount(Channel.SIGNAL)).isZero();
  }

  @Test
  void whatWaitsFromAnEarlierRunIsHandledAtStart() {
    store.storeRawInbound(Channel.SIGNAL, "left by a crash", java.time.Instant.now());

    inbox(10).start();

    await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("left by a crash"));
  }

  @Test
  void forgettingErasesWhatThePersonSentThatWaitsAndFreesItsRoom() {
    ready.set(false);
    RawInbox raw = inbox(3);
    raw.start();
    raw.keep("ana:need rice");
    raw.keep("ben:need water");
    raw.keep("ana:still there?");

    raw.eraseFrom(Address.person(Channel.SIGNAL, "ana"));

    assertThat(waiting()).containsExactly("ben:need water");
    // Their room is free again: two more are kept at once, none waits for one to be handled.
    assertThat(raw.keep("cy:one")).isTrue();
    assertThat(raw.keep("cy:two")).isTrue();
    raw.eraseFrom(Address.person(Channel.TELEGRAM, "ben"));
    assertThat(waiting()).containsExactly("ben:need water", "cy:one", "cy:two");
  }

  @Test
  void forgettingWhileHandlingErasesWhatWaitedFromBeforeButNotWhatCameAfter() {
    failuresLeft.set(1); // the first payload fails and waits for another try
    RawInbox raw = inbox(10);
    ready.set(false);
    raw.start();
    raw.keep("ana:need rice in Portland");
    raw.keep("ana:forget");
    raw.keep("ana:need water");
    raw.keep("ben:hello");

    ready.set(true);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> handled.containsAll(List.of("ana:forget", "ana:need water", "ben:hello")));

    assertThat(handled).doesNotContain("ana:need rice in Portland");
    assertThat(waiting()).isEmpty();
  }

  private List<String> waiting() {
    return store.rawInboundAfter(Channel.SIGNAL, 0, 100).stream().map(RawInbound::payload).toList();
  }
}
