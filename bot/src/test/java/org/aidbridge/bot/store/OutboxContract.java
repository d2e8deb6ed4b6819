package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.at;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;
import org.junit.jupiter.api.Test;

/** The outbox: queued in order, held back per recipient, sent or given up on. */
public interface OutboxContract {

  Store store();

  private List<String> dueTexts(Channel channel, int minutes) {
    return store().dueOutbox(channel, at(minutes), 100).stream()
        .map(e -> e.message().text())
        .toList();
  }

  @Test
  default void queuedMessageIsPendingAndDueWithAllItsFields() {
    OutboundMessage sent =
        new OutboundMessage(
            GROUP,
            "Match found for N-7K2: insulin",
            "A match!",
            "msg-9",
            "match:12",
            "es",
            List.of(new Choice("Medicine", "medicine"), new Choice("Food", "food")));

    OutboxEntry entry = store().enqueue(sent, T0);

    assertThat(entry.id()).isPositive();
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.createdAt()).isEqualTo(T0);
    assertThat(entry.notBefore()).isEqualTo(T0);
    assertThat(entry.attempts()).isZero();
    assertThat(entry.channelMessageId()).isNull();
    assertThat(store().dueOutbox(Channel.TELEGRAM, T0, 10)).containsExactly(entry);
    assertThat(store().outboxEntry(entry.id())).contains(entry);
  }

  @Test
  default void messagesQueuedTogetherKeepTheirOrderAndEveryField() {
    OutboundMessage withChoices =
        new OutboundMessage(
            GROUP,
            "Match found for N-7K2: insulin",
            "A match!",
            "msg-9",
            "match:12",
            "es",
            List.of(new Choice("Medicine", "medicine")));
    store().enqueue(message(BOB, "before"), T0);

    store().enqueueAll(List.of(message(BOB, "one"), withChoices, message(BOB, "two")), T0);

    List<OutboxEntry> due = store().dueOutbox(Channel.TELEGRAM, T0, 10);
    assertThat(due)
        .extracting(e -> e.message().text())
        .containsExactly("before", "one", "A match!", "two");
    assertThat(due.get(2).message()).isEqualTo(withChoices);
    assertThat(due.get(2).status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(due.get(2).createdAt()).isEqualTo(T0);
    assertThat(due.get(2).notBefore()).isEqualTo(T0);
    assertThat(due.get(2).attempts()).isZero();
    assertThat(due.get(1).message()).isEqualTo(message(BOB, "one"));
  }

  @Test
  default void manyMessagesQueuedTogetherAreAllQueuedInOrder() {
    List<OutboundMessage> many = new java.util.ArrayList<>();
    for (int i = 0; i < OutboxTable.ROWS_PER_INSERT * 2 + 3; i++) {
      many.add(message(BOB, "m" + i));
    }

    store().enqueueAll(many, T0);
    store().enqueueAll(List.of(), T0);

    assertThat(dueTexts(Channel.TELEGRAM, 0))
        .containsExactlyElementsOf(many.stream().map(OutboundMessage::text).toList());
  }

  @Test
  default void dueEntriesAreThoseOfTheChannelInQueueOrderUpToTheLimit() {
    Address bob2 = Address.person(Channel.TELEGRAM, "1002");
    store().enqueue(message(BOB, "one"), T0);
    store().enqueue(message(ALICE, "by mail"), T0);
    store().enqueue(message(bob2, "two"), T0);
    store().enqueue(message(BOB, "three"), T0);

    assertThat(dueTexts(Channel.TELEGRAM, 0)).containsExactly("one", "two", "three");
    assertThat(dueTexts(Channel.EMAIL, 0)).containsExactly("by mail");
    assertThat(store().dueOutbox(Channel.TELEGRAM, T0, 2)).hasSize(2);
    assertThat(dueTexts(Channel.SIGNAL, 0)).isEmpty();
  }

  @Test
  default void entryQueuedForLaterIsNotDueBeforeItsTime() {
    store().enqueue(message(BOB, "later"), at(5));

    assertThat(dueTexts(Channel.TELEGRAM, 4)).isEmpty();
    assertThat(dueTexts(Channel.TELEGRAM, 5)).containsExactly("later");
  }

  @Test
  default void deferralHoldsBackOnlyThatRecipientAndKeepsItsOrder() {
    Address other = Address.person(Channel.TELEGRAM, "2002");
    store().enqueue(message(BOB, "b1"), T0);
    store().enqueue(message(other, "o1"), T0);
    store().enqueue(message(BOB, "b2"), T0);

    store().deferRecipient(BOB, at(10), "429 too many requests");
    store().enqueue(message(BOB, "b3"), at(1));

    assertThat(dueTexts(Channel.TELEGRAM, 2)).containsExactly("o1");
    assertThat(dueTexts(Channel.TELEGRAM, 10)).containsExactly("b1", "o1", "b2", "b3");
  }

  @Test
  default void deferralIsNotAnAttemptAndNeverBringsAnEntryForward() {
    OutboxEntry entry = store().enqueue(message(BOB, "b1"), T0);

    store().deferRecipient(BOB, at(10), "busy");
    store().deferRecipient(BOB, at(3), "busy again");

    OutboxEntry deferred = store().outboxEntry(entry.id()).orElseThrow();
    assertThat(deferred.notBefore()).isEqualTo(at(10));
    assertThat(deferred.attempts()).isZero();
    assertThat(deferred.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(dueTexts(Channel.TELEGRAM, 9)).isEmpty();
  }

  @Test
  default void aClaimedEntryHoldsBackItsRecipientUntilItsLeaseRunsOutThenIsDueAsAResend() {
    OutboxEntry first = store().enqueue(message(BOB, "b1"), T0);
    store().enqueue(message(BOB, "b2"), T0);

    assertThat(store().claimOutbox(first.id(), T0, at(2))).isTrue();
    assertThat(store().claimOutbox(first.id(), at(1), at(3))).as("leased to another").isFalse();

    assertThat(dueTexts(Channel.TELEGRAM, 1)).isEmpty();
    assertThat(dueTexts(Channel.TELEGRAM, 2)).containsExactly("b1", "b2");
    assertThat(store().claimOutbox(first.id(), at(2), at(4))).isTrue();
    assertThat(store().outboxResends(first.id())).isEqualTo(1);
    assertThat(store().outboxEntry(first.id()).orElseThrow().status())
        .isEqualTo(OutboxStatus.SENDING);

    store().releaseOutbox(first.id(), "paused");
    assertThat(dueTexts(Channel.TELEGRAM, 2)).containsExactly("b1", "b2");
  }

  @Test
  default void failuresCountAndADeadLetterIsListedWithoutTextAndCanBeRetried() {
    OutboxEntry entry = store().enqueue(message(BOB, "b1"), T0);
    store().enqueue(message(BOB, "b2"), T0);

    store().recordOutboxFailure(entry.id(), at(5), "500");
    assertThat(store().outboxEntry(entry.id()).orElseThrow().attempts()).isEqualTo(1);
    assertThat(dueTexts(Channel.TELEGRAM, 4)).as("b2 waits behind b1").isEmpty();

    store().markDeadLetter(entry.id(), "500 again");
    assertThat(dueTexts(Channel.TELEGRAM, 4)).containsExactly("b2");
    assertThat(store().deadLetters(10))
        .containsExactly(new DeadLetter(entry.id(), Channel.TELEGRAM, false, T0, 2, "500 again"));
    assertThat(store().outboxSummary())
        .as("the dashboard's summary counts the dead letter as given up, b2 as waiting")
        .containsExactly(new OutboxSummary(Channel.TELEGRAM, 1, T0, 1));

    assertThat(store().retryDeadLetter(entry.id(), at(6))).isTrue();
    assertThat(store().retryDeadLetter(entry.id(), at(6))).isFalse();
    assertThat(store().outboxEntry(entry.id()).orElseThrow().attempts()).isZero();
    assertThat(dueTexts(Channel.TELEGRAM, 6)).containsExactly("b1", "b2");
  }

  @Test
  default void sentEntryIsNoLongerDueAndIsFoundByTheChannelsId() {
    OutboxEntry entry = store().enqueue(message(BOB, "hello"), T0);
    store().enqueue(message(BOB, "second"), T0);

    store().markSent(entry.id(), "tg-555", at(1));

    assertThat(dueTexts(Channel.TELEGRAM, 1)).containsExactly("second");
    OutboxEntry sent = store().sentMessage(Channel.TELEGRAM, "tg-555").orElseThrow();
    assertThat(sent.id()).isEqualTo(entry.id());
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.channelMessageId()).isEqualTo("tg-555");
    assertThat(sent.message()).isEqualTo(entry.message());
    assertThat(store().sentMessage(Channel.SIGNAL, "tg-555")).isEmpty();
    assertThat(store().sentMessage(Channel.TELEGRAM, "tg-556")).isEmpty();
  }

  @Test
  default void sentEntriesAreNotHeldBackOrCounted() {
    OutboxEntry entry = store().enqueue(message(BOB, "hello"), T0);
    store().markSent(entry.id(), "tg-1", T0);

    store().deferRecipient(BOB, at(10), "busy");

    OutboxEntry after = store().outboxEntry(entry.id()).orElseThrow();
    assertThat(after.attempts()).isZero();
    assertThat(after.notBefore()).isEqualTo(T0);
  }

  @Test
  default void undeliverableEntryIsNeverDueAgain() {
    OutboxEntry gone = store().enqueue(message(BOB, "gone"), T0);
    store().enqueue(message(BOB, "next"), T0);

    store().markUndeliverable(gone.id(), "bot was blocked by the user");

    assertThat(dueTexts(Channel.TELEGRAM, 60)).containsExactly("next");
    assertThat(store().outboxEntry(gone.id()))
        .get()
        .extracting(OutboxEntry::status)
        .isEqualTo(OutboxStatus.UNDELIVERABLE);
    assertThat(store().sentMessage(Channel.TELEGRAM, "gone")).isEmpty();
  }

  @Test
  default void unknownOutboxIdFindsNothing() {
    assertThat(store().outboxEntry(999)).isEmpty();
  }

  @Test
  default void backlogCountsWhatWaitsAndSinceWhenTheOldestWaited() {
    assertThat(store().outboxBacklog()).isEqualTo(new OutboxBacklog(0, null, 0));
    OutboxEntry sent = store().enqueue(message(BOB, "sent"), T0);
    OutboxEntry given = store().enqueue(message(ALICE, "given up"), at(1));
    store().enqueue(message(BOB, "waiting"), at(2));
    store().enqueue(message(ALICE, "waiting too"), at(3));
    store().markSent(sent.id(), "m-1", at(4));
    store().markUndeliverable(given.id(), "gone");

    OutboxBacklog backlog = store().outboxBacklog();

    assertThat(backlog).isEqualTo(new OutboxBacklog(2, at(2), 0));
    assertThat(backlog.oldestAge(at(7))).isEqualTo(java.time.Duration.ofMinutes(5));
  }
}
