package org.aidbridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;

class BotSettingsFactoryTest {

  @Test
  void packedDefaultsMakeValidBotSettings() {
    BotSettings bot = BotSettingsFactory.from(Settings.of(Map.of()));

    assertThat(bot.defaultLanguage()).isEqualTo("en");
    assertThat(bot.homeCountry()).isNull();
    assertThat(bot.coordinators()).isEmpty();
    assertThat(bot.defaultExpiry()).isEqualTo(Duration.ofDays(14));
    assertThat(bot.expiryByCategory())
        .containsEntry(Category.WATER, Duration.ofDays(3))
        .containsEntry(Category.HOUSING_SHELTER, Duration.ofDays(7));
    assertThat(bot.notifyMax()).isEqualTo(3);
    assertThat(bot.maxDistanceKm()).isEqualTo(150.0);
  }

  @Test
  void everyValueIsReadFromTheSettings() {
    BotSettings bot =
        BotSettingsFactory.from(
            Settings.of(
                Map.of(
                    "default.language", "fa",
                    "home.country", "ir",
                    "coordinators", "telegram:123, email:Coord@Example.org",
                    "listing.expiry.days", "10",
                    "category.bail-legal.expiry.days", "30",
                    "match.notify.max", "5",
                    "match.max.distance.km", "42.5")));

    assertThat(bot.defaultLanguage()).isEqualTo("fa");
    assertThat(bot.homeCountry()).isEqualTo("IR");
    assertThat(bot.coordinators())
        .isEqualTo(
            Set.of(
                Address.person(Channel.TELEGRAM, "123"),
                Address.person(Channel.EMAIL, "coord@example.org")));
    assertThat(bot.defaultExpiry()).isEqualTo(Duration.ofDays(10));
    assertThat(bot.expiryByCategory()).containsEntry(Category.BAIL_LEGAL, Duration.ofDays(30));
    assertThat(bot.notifyMax()).isEqualTo(5);
    assertThat(bot.maxDistanceKm()).isEqualTo(42.5);
  }

  @Test
  void badCoordinatorIsNamedByPositionWithoutEchoingTheIdentity() {
    Settings settings = Settings.of(Map.of("coordinators", "telegram:1,pigeon:secret-person"));

    assertThatThrownBy(() -> BotSettingsFactory.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'coordinators'")
        .hasMessageContaining("entry 2")
        .hasMessageNotContaining("secret-person");
  }

  @Test
  void lifecycleSettingsAreReadAndBadOnesNameTheirKey() {
    BotSettings read =
        BotSettingsFactory.from(
            Settings.of(
                Map.of(
                    "retention.inbound.days", "9",
                    "escalation.rings", "10km@0h,country@2d",
                    "digest.time", "07:30",
                    "digest.zone", "Asia/Tehran",
                    "digest.far.after.hours", "12")));

    assertThat(read.inboundRetention()).isEqualTo(java.time.Duration.ofDays(9));
    assertThat(read.escalationRings()).hasSize(2);
    assertThat(read.digestTime()).isEqualTo(java.time.LocalTime.of(7, 30));
    assertThat(read.digestZone()).isEqualTo(java.time.ZoneId.of("Asia/Tehran"));
    assertThat(BotSettingsFactory.from(Settings.of(Map.of())).digestZone())
        .as("auto: each group's own zone")
        .isNull();
    assertThat(read.digestFarAfter()).isEqualTo(java.time.Duration.ofHours(12));
    for (String[] bad :
        new String[][] {
          {"escalation.rings", "far@soon"}, {"digest.time", "6pm"}, {"digest.zone", "Mars/Base"}
        }) {
      assertThatThrownBy(() -> BotSettingsFactory.from(Settings.of(Map.of(bad[0], bad[1]))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'" + bad[0] + "'");
    }
  }

  @Test
  void unknownCategoryNamesTheKey() {
    Settings settings = Settings.of(Map.of("category.snacks.expiry.days", "2"));

    assertThatThrownBy(() -> BotSettingsFactory.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("category.snacks.expiry.days")
        .hasMessageContaining("names no category");
  }

  @Test
  void zeroOrNegativeNumbersAreRefused() {
    assertThatThrownBy(() -> BotSettingsFactory.from(Settings.of(Map.of("match.notify.max", "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("match.notify.max");
    assertThatThrownBy(
            () -> BotSettingsFactory.from(Settings.of(Map.of("match.max.distance.km", "-3"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("match.max.distance.km");
  }

  @Test
  void unsupportedLanguageAndMalformedCountryAreRefused() {
    assertThatThrownBy(
            () -> BotSettingsFactory.from(Settings.of(Map.of("default.language", "klingon"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("default.language")
        .hasMessageContaining("en, es, fa");
    assertThatThrownBy(() -> BotSettingsFactory.from(Settings.of(Map.of("home.country", "USA"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("home.country");
  }

  @Test
  void nonNumericExpiryNamesTheKey() {
    Settings settings = Settings.of(Map.of("listing.expiry.days", "two weeks"));

    assertThatThrownBy(() -> BotSettingsFactory.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("listing.expiry.days")
        .hasMessageContaining("AIDBRIDGE_LISTING_EXPIRY_DAYS");
  }
}
