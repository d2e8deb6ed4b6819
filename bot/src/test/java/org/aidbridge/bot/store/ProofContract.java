package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Proof;
import org.junit.jupiter.api.Test;

/** What proving a sender keeps: installation keys, link codes, mails waiting to be confirmed. */
public interface ProofContract {

  Store store();

  @Test
  default void eachPurposeGetsItsOwnRandomKeyKeptForGood() {
    byte[] mail = store().installationKey("mail-token");

    assertThat(mail).hasSize(32);
    assertThat(store().installationKey("mail-token")).isEqualTo(mail);
    assertThat(store().installationKey("log-pseudonym")).isNotEqualTo(mail);
  }

  @Test
  default void aLinkCodeIsTakenOnceAndAnExpiredOneIsDeleted() {
    store().saveLinkCode(new LinkCode("7KQ2MX", ALICE, BOB, T0.plusSeconds(900)));
    store().saveLinkCode(new LinkCode("ABCDEF", BOB, null, T0.plusSeconds(60)));

    assertThat(store().takeLinkCode("7KQ2MX"))
        .contains(new LinkCode("7KQ2MX", ALICE, BOB, T0.plusSeconds(900)));
    assertThat(store().takeLinkCode("7KQ2MX")).isEmpty();
    assertThat(store().deleteExpiredProofs(T0.plus(Duration.ofMinutes(2)))).isEqualTo(1);
    assertThat(store().takeLinkCode("ABCDEF")).isEmpty();
  }

  @Test
  default void aMessageWaitingForConfirmationComesBackOnceAsItCame() {
    InboundMessage message =
        new InboundMessage(
                ALICE.channel(),
                "<m7@example.org>",
                ALICE,
                null,
                "withdraw N-7K2",
                "close it",
                "es",
                "aidbridge.3.abc@bot",
                true,
                false,
                T0)
            .withProof(Proof.NONE);

    long id = store().savePendingConfirmation(message, T0.plus(Duration.ofDays(3)));

    PendingConfirmation taken = store().takePendingConfirmation(id).orElseThrow();
    assertThat(taken.message()).isEqualTo(message);
    assertThat(taken.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(store().takePendingConfirmation(id)).isEmpty();
  }

  @Test
  default void forgettingDeletesTheCodesAndConfirmationsOfThePerson() {
    store().saveLinkCode(new LinkCode("7KQ2MX", BOB, ALICE, T0.plusSeconds(900)));
    long id =
        store()
            .savePendingConfirmation(
                InboundMessage.direct(ALICE, "m1", "forget", T0), T0.plus(Duration.ofDays(3)));

    store().forget(ALICE);

    assertThat(store().takeLinkCode("7KQ2MX")).isEmpty();
    assertThat(store().takePendingConfirmation(id)).isEmpty();
  }

  @Test
  default void linksMadeNowAreProvenOnBothSides() {
    store().link(ALICE, BOB);

    assertThat(store().provenLinkedWith(ALICE)).containsExactlyInAnyOrder(ALICE, BOB);
  }
}
