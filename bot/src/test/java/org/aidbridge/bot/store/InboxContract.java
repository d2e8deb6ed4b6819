package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Proof;
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
              T0,
              proof);

      OptionalLong id = store().recordInbound(message);

      assertThat(store().unprocessedInbound(10))
          .contains(new StoredInbound(id.getAsLong(), message));
    }
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
}
