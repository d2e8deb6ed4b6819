package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.aidbridge.bot.lead.ElectedLeadership;
import org.aidbridge.bot.lead.FileLocks;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.port.Role;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.app.AidBridgeApplication;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelCatalog;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telegram's limits (30 messages a second, 20 a minute per group) are per bot, not per instance:
 * two instances each keeping them would together send twice too fast. So only the instance that
 * leads Telegram sends its outbox; a standby starts sending when it takes Telegram over.
 */
class TelegramStandbyIT {
  @TempDir Path dir;

  @Test
  void aStandbySendsNoTelegramMessageUntilItLeadsTelegram() throws Exception {
    Path db = dir.resolve("aidbridge.db");
    Path locks = FileLocks.besides(db);
    Map<String, String> values =
        Map.of(
            "telegram.token", FakeBotApi.TOKEN,
            "http.port", "-1",
            "outbox.poll.ms", "20");
    try (FakeBotApi api = new FakeBotApi();
        FileLocks otherInstance = new FileLocks(locks);
        SqliteStore store = SqliteStore.open(db.toString())) {
      assertThat(otherInstance.tryAcquire(Role.TELEGRAM)).isTrue();
      Settings settings = Settings.of(withApi(values, api));
      AppContext context = AppContext.build(settings, store, Clock.systemUTC(), PlaceFinder.NONE);
      store.enqueue(
          OutboundMessage.to(Address.person(Channel.TELEGRAM, "4242"), "hello from the core", "en"),
          Instant.now());

      try (ElectedLeadership leadership =
              new ElectedLeadership(new FileLocks(locks), Duration.ofSeconds(1));
          AidBridgeApplication app =
              AidBridgeApplication.start(
                  context,
                  ChannelCatalog.configured(ChannelCatalog.standard(), settings),
                  leadership)) {
        assertThat(leadership.leads(Role.TELEGRAM)).isFalse();
        assertThat(app.camel().getRouteController().getRouteStatus("outbox-telegram").isStarted())
            .isFalse();
        assertThat(api.sent()).isEmpty();

        otherInstance.close();

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> api.sent().stream().anyMatch(s -> s.text().equals("hello from the core")));
        assertThat(leadership.leads(Role.TELEGRAM)).isTrue();
      }
    }
  }

  private static Map<String, String> withApi(Map<String, String> values, FakeBotApi api) {
    Map<String, String> all = new java.util.HashMap<>(values);
    all.put("telegram.api.url", api.url().toString());
    return all;
  }
}
