package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gazetteer read in the background answers as the gazetteer itself, once it is read. */
class ShippedPlacesTest {

  @Test
  void findsAndResolvesPlacesAsTheShippedGazetteerDoes() {
    PlaceFinder places = ShippedPlaces.loadingInBackground();

    assertThat(places.findIn("need 2 bags of rice in Portland, urgent", "en", null))
        .isPresent()
        .isEqualTo(
            Gazetteer.loadDefault().findIn("need 2 bags of rice in Portland, urgent", "en", null));
    assertThat(places.resolve("Oakland", "US"))
        .isPresent()
        .isEqualTo(Gazetteer.loadDefault().resolve("Oakland", "US"));
    assertThat(ShippedPlaces.loadingInBackground()).isSameAs(places);
  }

  @Test
  void saysItIsReadOnceTheBackgroundReadingEnded() {
    ShippedPlaces.loadingInBackground();

    await().atMost(Duration.ofSeconds(60)).until(ShippedPlaces::readOrNotAsked);
    assertThat(Gazetteer.loadDefault().size()).isGreaterThan(100_000);
  }
}
