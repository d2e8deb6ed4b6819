package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Test;

/** How the gate weighs a rule reading with the classifier's probabilities (need, offer, none). */
class KindGateTest {

  private final KindGate gate = new KindGate(null, KindGate.NEED_WEIGHT, KindGate.OFFER_WEIGHT);

  @Test
  void aRuleOfferTheClassifierIsAlmostCertainIsANeedBecomesANeed() {
    // "who's got a camping stove?": the rules hear "got" as giving; the classifier reads a request.
    KindClassifier.Reading read =
        gate.weigh(new KindClassifier.Reading(Kind.OFFER, 0.75), new float[] {0.97f, 0.02f, 0.01f});

    assertThat(read.kind()).isEqualTo(Kind.NEED);
    assertThat(read.confidence()).isEqualTo(KindGate.NEED_WEIGHT * 0.97f);
  }

  @Test
  void aRuleOfferTheClassifierOnlyLeansToANeedStaysAnOffer() {
    KindClassifier.Reading read =
        gate.weigh(new KindClassifier.Reading(Kind.OFFER, 0.85), new float[] {0.8f, 0.15f, 0.05f});

    assertThat(read.kind()).isEqualTo(Kind.OFFER);
  }

  @Test
  void anExplicitFormIsLeftAsItIs() {
    KindClassifier.Reading explicit = new KindClassifier.Reading(Kind.OFFER, 1.0);

    assertThat(gate.weigh(explicit, new float[] {0.99f, 0.0f, 0.01f})).isEqualTo(explicit);
  }

  @Test
  void tradeOrAClosedRequestIsNoListingWhateverTheClassifierReads() {
    // "میز و صندلی دست دوم دارم، قیمت مناسب، فروشی": the classifier hears "I have a table" as
    // giving.
    KindClassifier.Reading read =
        gate.weigh(KindClassifier.Reading.SETTLED, new float[] {0.01f, 0.98f, 0.01f});

    assertThat(read.kind()).isNull();
  }

  @Test
  void aMessageWithNoCueTheClassifierIsSureOfIsStillPromoted() {
    KindClassifier.Reading read =
        gate.weigh(KindClassifier.Reading.NONE, new float[] {0.01f, 0.98f, 0.01f});

    assertThat(read.kind()).isEqualTo(Kind.OFFER);
  }
}
