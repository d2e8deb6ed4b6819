package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Proof;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The inbox: every inbound message is kept once, until it is processed. */
public interface InboxContract {

  Store store();

  @Test
  default void recordedMessageIsKeptWithAllItsFieldsUntilProcessed() {
    InboundMessage message =
        new InboundMessage(
            Channel.TELEGRAM,
            "update-77",
            BOB,
            GROUP,
            "need: insulin",
            "a subject",
            "es",
            "bot-msg-3",
            true,
            true,
            T0);

    OptionalLong id = store().recordInbound(message);

    assertThat(id).isPresent();
    assertThat(store().unprocessedInbound(10))
        .containsExactly(new StoredInbound(id.getAsLong(), message));
  }

  @Test
  default void whatTheSenderProvedIsKept() {
    for (Proof proof : Proof.values()) {
      InboundMessage message =
          new InboundMessage(
                  Channel.EMAIL,
                  "m-" + proof,
                  ALICE,
                  null,
                  "stats",
                  null,
                  null,
                  null,
                  true,
                  false,
                  T0)
              .withProof(proof);

      OptionalLong id = store().recordInbound(message);

      assertThat(store().unprocessedInbound(10))
          .contains(new StoredInbound(id.getAsLong(), message));
    }
  }

  @Test
  default void aTextCutByTheChannelIsStillKnownToBeCutWhenReadBack() {
    InboundMessage cut =
        new InboundMessage(
                Channel.EMAIL,
                "<long@example.org>",
                ALICE,
                null,
                "need rice (the rest of a long mail the channel did not read)",
                null,
                null,
                null,
                true,
                false,
                T0)
            .withTextCut();
    InboundMessage whole = direct(BOB, "<short@example.org>", "need rice");

    store().recordInbound(cut);
    store().recordInbound(whole);

    assertThat(store().unprocessedInbound(10))
        .extracting(stored -> stored.message().channelMessageId(), s -> s.message().textCut())
        .containsExactly(
            Tuple.tuple("<long@example.org>", true), Tuple.tuple("<short@example.org>", false));
    assertThat(store().dueInbound(T0, 10))
        .extracting(stored -> stored.message())
        .containsExactly(cut, whole);
  }

  @Test
  default void duplicateInboundMessageIsIgnored() {
    OptionalLong first = store().recordInbound(direct(ALICE, "<m1@example.org>", "need rice"));
    OptionalLong second =
        store().recordInbound(direct(ALICE, "<m1@example.org>", "need rice, again"));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(store().unprocessedInbound(10))
        .singleElement()
        .satisfies(stored -> assertThat(stored.message().text()).isEqualTo("need rice"));
  }

  @Test
  default void sameMessageIdOnAnotherChannelIsAnotherMessage() {
    store().recordInbound(direct(ALICE, "42", "hello"));
    OptionalLong other = store().recordInbound(direct(BOB, "42", "hello"));

    assertThat(other).isPresent();
    assertThat(store().unprocessedInbound(10)).hasSize(2);
  }

  @Test
  default void processedMessageStaysDuplicateButLeavesTheUnprocessedList() {
    long first = store().recordInbound(direct(ALICE, "m1", "one")).getAsLong();
    long second = store().recordInbound(direct(ALICE, "m2", "two")).getAsLong();

    store().markProcessed(first);

    assertThat(store().unprocessedInbound(10))
        .extracting(StoredInbound::id)
        .containsExactly(second);
    assertThat(store().recordInbound(direct(ALICE, "m1", "one"))).isEmpty();
    store().markProcessed(second);
    assertThat(store().unprocessedInbound(10)).isEmpty();
  }

  @Test
  default void unprocessedMessagesComeOldestFirstUpToTheLimit() {
    long a = store().recordInbound(direct(ALICE, "a", "one")).getAsLong();
    long b = store().recordInbound(direct(BOB, "b", "two")).getAsLong();
    store().recordInbound(direct(ALICE, "c", "three"));

    assertThat(store().unprocessedInbound(2)).extracting(StoredInbound::id).containsExactly(a, b);
  }

  @Test
  default void aMessageToTryAgainWaitsUntilItsTimeAndCountsOnlyRealAttempts() {
    long id = store().recordInbound(direct(ALICE, "m1", "one")).getAsLong();

    assertThat(store().retryInboundLater(id, T0.plusSeconds(10), true)).isEqualTo(1);
    assertThat(store().retryInboundLater(id, T0.plusSeconds(20), false)).isEqualTo(1);

    assertThat(store().dueInbound(T0.plusSeconds(19), 10)).isEmpty();
    assertThat(store().dueInbound(T0.plusSeconds(20), 10))
        .extracting(StoredInbound::id)
        .containsExactly(id);
  }

  @Test
  default void aMessageGivenUpOnLeavesTheDueListButIsKeptByRetention() {
    long id = store().recordInbound(direct(ALICE, "m1", "one")).getAsLong();

    assertThat(store().giveUpInbound(id)).isTrue();
    assertThat(store().giveUpInbound(id)).isFalse();
    assertThat(store().markProcessed(id)).isFalse();

    assertThat(store().dueInbound(T0.plusSeconds(3600), 10)).isEmpty();
    store().deleteProcessedInboundBefore(T0.plusSeconds(365L * 24 * 3600));
    assertThat(store().recordInbound(direct(ALICE, "m1", "one"))).isEmpty();
  }

  @Test
  default void rawPayloadsWaitPerChannelInOrderUntilDeletedAndRetriesWait() {
    long first = store().storeRawInbound(Channel.SIGNAL, "{\"a\":1}", T0);
    long second = store().storeRawInbound(Channel.SIGNAL, "{\"a\":2}", T0);
    store().storeRawInbound(Channel.TELEGRAM, "{}", T0);

    assertThat(store().dueRawInbound(Channel.SIGNAL, T0, 10))
        .extracting(RawInbound::payload)
        .containsExactly("{\"a\":1}", "{\"a\":2}");
    store().retryRawInboundLater(first, T0.plusSeconds(5), "boom");
    store().deleteRawInbound(second);

    assertThat(store().dueRawInbound(Channel.SIGNAL, T0, 10)).isEmpty();
    assertThat(store().dueRawInbound(Channel.SIGNAL, T0.plusSeconds(5), 10))
        .singleElement()
        .satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
    assertThat(store().rawInboundCount(Channel.SIGNAL)).isEqualTo(1);
    assertThat(store().rawInboundCount(Channel.TELEGRAM)).isEqualTo(1);
  }

  @Test
  default void whatRunsWithTheStoringCommitsWithItOrNotAtAll() {
    long payload = store().storeRawInbound(Channel.SIGNAL, "{\"a\":1}", T0);

    assertThatThrownBy(
            () ->
                store()
                    .recordInbound(
                        java.util.List.of(direct(ALICE, "m1", "one")),
                        () -> {
                          store().deleteRawInbound(payload);
                          throw new StoreException("the disk is full");
                        }))
        .isInstanceOf(StoreException.class);
    assertThat(store().unprocessedInbound(10)).isEmpty();
    assertThat(store().rawInboundCount(Channel.SIGNAL)).isEqualTo(1);

    java.util.List<StoredInbound> stored =
        store()
            .recordInbound(
                java.util.List.of(direct(ALICE, "m1", "one")),
                () -> store().deleteRawInbound(payload));
    assertThat(stored).hasSize(1);
    assertThat(store().unprocessedInbound(10)).isEqualTo(stored);
    assertThat(store().rawInboundCount(Channel.SIGNAL)).isZero();
  }
}
