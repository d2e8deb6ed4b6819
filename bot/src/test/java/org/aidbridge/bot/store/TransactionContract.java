package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Test;

/** Small durable values, and transactions: all of the work is kept, or none. */
public interface TransactionContract {

  Store store();

  @Test
  default void stateIsAbsentUntilPutAndThenOverwritten() {
    assertThat(store().state("telegram.offset")).isEmpty();

    store().putState("telegram.offset", "100");
    store().putState("telegram.offset", "101");

    assertThat(store().state("telegram.offset")).contains("101");
    assertThat(store().state("signal.offset")).isEmpty();
  }

  @Test
  default void stateKeysAskedAboutTogetherAreThoseWithAValue() {
    store().putState("import:id:r1", "1");
    store().putState("import:id:r700", "2");
    List<String> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) { // more than one query asks about
      asked.add("import:id:r" + i);
    }

    assertThat(store().stateKeysPresent(asked))
        .containsExactlyInAnyOrder("import:id:r1", "import:id:r700");
    assertThat(store().stateKeysPresent(List.of())).isEmpty();
  }

  @Test
  default void transactionKeepsAllItsWorkAndReturnsItsResult() {
    long id =
        store()
            .inTransaction(
                () -> {
                  store().putState("k", "v");
                  return store().recordInbound(direct(ALICE, "m1", "need rice")).getAsLong();
                });

    assertThat(store().state("k")).contains("v");
    assertThat(store().unprocessedInbound(10)).extracting(StoredInbound::id).containsExactly(id);
  }

  @Test
  default void failedTransactionLeavesNothingBehind() {
    RuntimeException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                store()
                    .inTransaction(
                        () -> {
                          store().recordInbound(direct(ALICE, "m1", "need rice"));
                          store().insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
                          store().enqueue(message(BOB, "hello"), T0);
                          store().putState("k", "v");
                          store().setUnreachable(BOB, true);
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(store().unprocessedInbound(10)).isEmpty();
    assertThat(store().allListings()).isEmpty();
    assertThat(store().dueOutbox(Channel.TELEGRAM, T0, 10)).isEmpty();
    assertThat(store().state("k")).isEmpty();
    assertThat(store().isUnreachable(BOB)).isFalse();
    assertThat(store().recordInbound(direct(ALICE, "m1", "need rice"))).isPresent();
  }

  @Test
  default void nestedTransactionJoinsTheOuterOne() {
    assertThatThrownBy(
            () ->
                store()
                    .inTransaction(
                        () -> {
                          store().inTransaction(() -> store().putState("inner", "done"));
                          assertThat(store().state("inner")).contains("done");
                          throw new IllegalStateException("outer fails after inner finished");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store().state("inner")).isEmpty();
  }

  @Test
  default void nestedTransactionsCommitTogether() {
    store()
        .inTransaction(
            () -> {
              store().putState("outer", "1");
              store().inTransaction(() -> store().putState("inner", "2"));
            });

    assertThat(store().state("outer")).contains("1");
    assertThat(store().state("inner")).contains("2");
  }
}
