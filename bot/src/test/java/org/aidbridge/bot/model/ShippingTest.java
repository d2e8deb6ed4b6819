package org.aidbridge.bot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippingTest {

  @Test
  void aPhraseOfTheListCountsAsWholeWordsWhereverItStands() {
    assertThat(Shipping.offered(offer("Warm coats, can ship anywhere"))).isTrue();
    assertThat(Shipping.offered(offer("Shipping"))).isTrue();
    assertThat(Shipping.offered(offer("tutoring over the phone."))).isTrue();
  }

  @Test
  void accentsCapitalsAndPersianLettersAreFoldedFirst() {
    assertThat(Shipping.offered(offer("Clases EN LÍNEA para niños"))).isTrue();
    assertThat(Shipping.offered(offer("Ropa, hacemos ENVIO"))).isTrue();
    // Arabic yeh and kaf are the Persian letters once folded.
    assertThat(Shipping.offered(offer("مشاوره تلفني رايگان"))).isTrue();
  }

  @Test
  void aWordThatOnlyContainsAPhraseIsNotIt() {
    assertThat(Shipping.offered(offer("shippingcontainer homes"))).isFalse();
    assertThat(Shipping.offered(offer("dry goods, pick up in Flint"))).isFalse();
    assertThat(Shipping.offered(offer("reenvio"))).isFalse();
  }

  private static Listing offer(String text) {
    Instant now = Instant.parse("2026-05-01T10:00:00Z");
    return new Listing(
        0,
        null,
        Kind.OFFER,
        Set.of(Category.OTHER),
        List.of(),
        text,
        null,
        Urgency.NORMAL,
        now,
        now.plusSeconds(86_400),
        Status.OPEN,
        Address.person(Channel.TELEGRAM, "1"),
        "en",
        null);
  }
}
