package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignalChannelTest {
  private final SqliteStore store = SqliteStore.open(":memory:");

  @AfterEach
  void close() {
    store.close();
  }

  private AppContext contextWith(Map<String, String> values) {
    return AppContext.build(Settings.of(values), store, Clock.systemUTC(), PlaceFinder.NONE);
  }

  @Test
  void badEndpointFailsAtStartupNamingTheSetting() {
    assertThatThrownBy(
            () -> SignalChannel.create(contextWith(Map.of("signal.endpoint", "localhost:7583"))))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).isEqualTo("signal.endpoint"))
        .hasMessageContaining("AIDBRIDGE_SIGNAL_ENDPOINT");
  }

  @Test
  void unknownReceiveModeFailsAtStartup() {
    Map<String, String> values =
        Map.of("signal.endpoint", "tcp://127.0.0.1:7583", "signal.receive.mode", "on-start");

    assertThatThrownBy(() -> SignalChannel.create(contextWith(values)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).isEqualTo("signal.receive.mode"));
  }

  @Test
  void channelIsBuiltWithoutConnectingUntilItsRoutesRun() {
    try (SignalChannel channel =
        SignalChannel.create(contextWith(Map.of("signal.endpoint", "tcp://127.0.0.1:9")))) {
      assertThat(channel.channel()).isEqualTo(Channel.SIGNAL);
      assertThat(channel.sender().channel()).isEqualTo(Channel.SIGNAL);
      assertThat(channel.client().isConnected()).isFalse();
    }
  }

  @Test
  void coordinatorsAreReadFromTheirSetting() {
    Settings settings =
        Settings.of(Map.of("coordinators", "email:ops@example.org, signal:5d2e8a10-3b7c"));

    assertThat(SignalChannel.coordinators(settings))
        .containsExactlyInAnyOrder(
            Address.person(Channel.EMAIL, "ops@example.org"),
            Address.person(Channel.SIGNAL, "5d2e8a10-3b7c"));
  }
}
