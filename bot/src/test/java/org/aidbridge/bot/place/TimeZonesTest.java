package org.aidbridge.bot.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeZonesTest {

  @ParameterizedTest
  @CsvSource({
    "45.5152, -122.6784, America/Los_Angeles",
    "29.6100, 52.5425, Asia/Tehran",
    "-34.6037, -58.3816, America/Argentina/Buenos_Aires",
    "40.4168, -3.7038, Europe/Madrid",
  })
  void aPlaceGetsTheZoneOfTheBiggestTownOfItsCell(double lat, double lon, String zone) {
    assertThat(TimeZones.shared().at(lat, lon)).contains(ZoneId.of(zone));
  }

  @ParameterizedTest
  @CsvSource({"0.0, -150.0", "-60.0, 0.0"})
  void theOpenOceanHasNoTownsAndSoNoZone(double lat, double lon) {
    assertThat(TimeZones.shared().at(lat, lon)).isEmpty();
  }
}
