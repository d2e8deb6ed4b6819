package org.aidbridge.routes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channels hand the core batches now: each message of a batch is still counted and timed. */
class MeteredBotServiceTest {
  private final SqliteStore store = SqliteStore.open(":memory:");
  private final AppMetrics metrics = new AppMetrics(Clock.systemUTC());
  private final MeteredBotService bot =
      new MeteredBotService(Bots.create(store, BotSettings.DEFAULT, Clock.systemUTC()), metrics);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void eachMessageOfABatchIsCountedAndTimedOnItsChannel() {
    bot.handleAll(
        List.of(
            message(Channel.SIGNAL, "a"),
            message(Channel.SIGNAL, "b"),
            message(Channel.TELEGRAM, "c")));

    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("aidbridge_handling_seconds_count{channel=\"signal\"} 2")
        .contains("aidbridge_handling_seconds_count{channel=\"telegram\"} 1")
        .contains("aidbridge_messages_in_total{channel=\"signal\"} 2");
  }

  private static InboundMessage message(Channel channel, String id) {
    return InboundMessage.direct(
        Address.person(channel, "person-" + id), id, "need rice in Portland", Instant.now());
  }
}
