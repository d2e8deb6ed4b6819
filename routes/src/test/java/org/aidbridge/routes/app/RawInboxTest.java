package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.RawInbound;
import org.aidbridge.bot.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a channel reads is stored before the next read, handled in order, bounded, never dropped;
 * the messages of consecutive payloads go to the real core together (group commit).
 */
class RawInboxTest {
  private final SqliteStore store = SqliteStore.open(":memory:");
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final AtomicBoolean ready = new AtomicBoolean(true);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger coreFailuresLeft = new AtomicInteger();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private final List<String> whileStoring = new CopyOnWriteArrayList<>();
  private final BotService core = new Batches(Bots.create(store, BotSettings.DEFAULT, clock()));
  private RawInbox inbox;

  private static Clock clock() {
    return Clock.systemUTC();
  }

  /** Every payload is an action recorded in order; one ending in ":forget" erases its sender. */
  private RawInbox inbox(int maxWaiting) {
    return inbox(
        maxWaiting,
        payload ->
            new RawInbox.Act(
                () -> {
                  if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("the daemon did not answer");
                  }
                  handled.add(payload);
                  if (payload.endsWith(":forget")) {
                    inbox.eraseFrom(Address.person(Channel.SIGNAL, payload.split(":")[0]));
                  }
                }));
  }

  /**
   * A payload "<sender id>:<text>" is that person's message for the core; one starting with "act "
   * is an action, recorded in order with the number of listings the core had made by then.
   */
  private RawInbox messagesInbox() {
    inbox(
        1_000,
        payload -> {
          if (payload.startsWith("act ")) {
            return new RawInbox.Act(() -> handled.add(payload + " after " + listings().size()));
          }
          String[] parts = payload.split(":", 2);
          Address sender = Address.person(Channel.SIGNAL, parts[0]);
          return new RawInbox.ForCore(
              List.of(InboundMessage.direct(sender, payload, parts[1], Instant.now())));
        });
    inbox.start();
    return inbox;
  }

  private RawInbox inbox(int maxWaiting, RawInbox.Translator translator) {
    inbox =
        new RawInbox(
            Channel.SIGNAL,
            store,
            Clock.systemUTC(),
            core,
            translator,
            // A payload here is "<sender id>:<text>".
            (payload, personId) -> payload.startsWith(personId + ":"),
            ready::get,
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            maxWaiting);
    core.register(inbox);
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
    store.storeRawInbound(Channel.SIGNAL, "left by a crash", Instant.now());

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

  @Test
  void theMessagesOfPayloadsThatWaitTogetherGoToTheCoreInOneBatchStoredAndHandled() {
    ready.set(false);
    RawInbox raw = messagesInbox();
    for (int i = 1; i <= 5; i++) {
      raw.keep("person" + i + ":need rice in Portland");
    }

    ready.set(true);
    awaitAllHandled();
    assertThat(batchSizes).containsExactly(5);
    assertThat(listings()).hasSize(5);
    assertThat(store.unprocessedInbound(10)).isEmpty(); // handled, not only stored
  }

  @Test
  void aBatchsPayloadsAreDroppedInTheCommitThatStoresItsMessagesBeforeTheyAreHandled() {
    ready.set(false);
    RawInbox raw = messagesInbox();
    raw.keep("ana:need rice in Portland");
    raw.keep("ben:need water in Portland");

    ready.set(true);
    await().atMost(Duration.ofSeconds(20)).until(() -> listings().size() == 2);
    // Seen inside the storing transaction, once the payloads were dropped: no payload left, both
    // messages in the inbox, none handled yet.
    assertThat(whileStoring).containsExactly("0 payloads, 2 stored");
    assertThat(store.rawInboundCount(Channel.SIGNAL)).isZero();
    assertThat(listings()).hasSize(2);
  }

  @Test
  void anActionWaitsForTheMessagesBeforeItAndRunsBeforeThoseAfterIt() {
    ready.set(false);
    RawInbox raw = messagesInbox();
    raw.keep("ana:need rice in Portland");
    raw.keep("ben:need water in Portland");
    raw.keep("act group moved");
    raw.keep("cy:need insulin in Portland");

    ready.set(true);
    awaitAllHandled();
    assertThat(handled).containsExactly("act group moved after 2");
    assertThat(batchSizes).containsExactly(2, 1);
    assertThat(listings()).hasSize(3);
  }

  @Test
  void aSecondMessageOfOnePersonStartsTheNextBatchAndTheirOrderIsKept() {
    ready.set(false);
    RawInbox raw = messagesInbox();
    raw.keep("ana:need rice in Portland");
    raw.keep("ben:need water in Portland");
    raw.keep("ana:need diapers in Portland");

    ready.set(true);
    awaitAllHandled();
    assertThat(batchSizes).containsExactly(2, 1);
    assertThat(listings(Address.person(Channel.SIGNAL, "ana")))
        .extracting(Listing::text)
        .containsExactly("need rice in Portland", "need diapers in Portland");
  }

  @Test
  void whatAPersonSendsAfterForgetInTheSameBatchIsHandledAsNewNotErased() {
    ready.set(false);
    RawInbox raw = messagesInbox();
    raw.keep("ana:need rice in Portland");
    raw.keep("ben:need insulin in Portland");
    raw.keep("ana:/forget confirm");
    raw.keep("ana:need water in Portland");

    ready.set(true);
    awaitAllHandled();
    assertThat(listings(Address.person(Channel.SIGNAL, "ana")))
        .extracting(Listing::text)
        .containsExactly("need water in Portland");
    assertThat(listings(Address.person(Channel.SIGNAL, "ben"))).hasSize(1);
    assertThat(store.unprocessedInbound(10)).isEmpty();
    // Its inbox row was not taken for a waiting one and erased: delivered again (a crash before its
    // payload was dropped), it is known and not handled twice.
    String water = "ana:need water in Portland";
    assertThat(
            store.recordInbound(
                InboundMessage.direct(
                    Address.person(Channel.SIGNAL, "ana"),
                    water,
                    "need water in Portland",
                    Instant.now())))
        .isEmpty();
  }

  @Test
  void aBatchTheCoreCouldNotStoreIsTriedAgainWholeNeitherLostNorDoubled() {
    ready.set(false);
    coreFailuresLeft.set(1);
    RawInbox raw = messagesInbox();
    raw.keep("ana:need rice in Portland");
    raw.keep("ben:need water in Portland");
    raw.keep("cy:need insulin in Portland");

    ready.set(true);
    awaitAllHandled();
    assertThat(batchSizes).containsExactly(3, 3);
    assertThat(listings())
        .extracting(Listing::text)
        .containsExactlyInAnyOrder(
            "need rice in Portland", "need water in Portland", "need insulin in Portland");
  }

  @Test
  void aBatchStoredInTheInboxBeforeACrashIsHandledOnceAfterIt() {
    List<String> payloads =
        List.of("ana:need rice in Portland", "ben:need water in Portland", "cy:hello");
    for (String payload : payloads) {
      // The core stored each message, then the process died before handling it and before the
      // payloads were dropped: both the inbox rows and the payloads are there at the next start.
      store.storeRawInbound(Channel.SIGNAL, payload, Instant.now());
      String[] parts = payload.split(":", 2);
      store.recordInbound(
          InboundMessage.direct(
              Address.person(Channel.SIGNAL, parts[0]), payload, parts[1], Instant.now()));
    }

    messagesInbox();
    await().atMost(Duration.ofSeconds(20)).until(() -> store.rawInboundCount(Channel.SIGNAL) == 0);
    core.resumePending(); // as the application does at start and every few seconds

    assertThat(listings())
        .extracting(Listing::text)
        .containsExactlyInAnyOrder("need rice in Portland", "need water in Portland");
    assertThat(store.unprocessedInbound(10)).isEmpty();
    assertThat(core.resumePending()).isZero();
  }

  /**
   * Until every payload is dropped and every message handled: a batch's payloads are dropped in the
   * commit that stores its messages in the inbox, before they are handled in the next transaction.
   */
  private void awaitAllHandled() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                store.rawInboundCount(Channel.SIGNAL) == 0
                    && store.unprocessedInbound(100).isEmpty());
  }

  private List<Listing> listings() {
    return store.allListings();
  }

  private List<Listing> listings(Address author) {
    return store.allListings().stream()
        .filter(l -> l.author().equals(author))
        .sorted(java.util.Comparator.comparingLong(Listing::id))
        .toList();
  }

  private List<String> waiting() {
    return store.rawInboundAfter(Channel.SIGNAL, 0, 100).stream().map(RawInbound::payload).toList();
  }

  /**
   * The real core, with the size of each batch it is handed noted; it refuses a batch while {@link
   * #coreFailuresLeft} says so, as when the database cannot be written.
   */
  private final class Batches implements BotService {
    private final BotService bot;

    Batches(BotService bot) {
      this.bot = bot;
    }

    @Override
    public List<OutboundMessage> handle(InboundMessage message) {
      batchSizes.add(1);
      return bot.handle(message);
    }

    @Override
    public List<OutboundMessage> handleAll(List<InboundMessage> messages, Runnable withStoring) {
      batchSizes.add(messages.size());
      if (coreFailuresLeft.getAndDecrement() > 0) {
        throw new org.aidbridge.bot.store.StoreException("the disk is full");
      }
      return bot.handleAll(
          messages,
          () -> {
            withStoring.run();
            whileStoring.add(
                store.rawInboundCount(Channel.SIGNAL)
                    + " payloads, "
                    + store.unprocessedInbound(100).size()
                    + " stored");
          });
    }

    @Override
    public int resumePending() {
      return bot.resumePending();
    }

    @Override
    public void register(ChannelCopies copies) {
      bot.register(copies);
    }
  }
}
