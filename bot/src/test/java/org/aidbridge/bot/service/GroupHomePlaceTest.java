package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A place named in a subscribed group's message is first looked for in the group's country. */
class GroupHomePlaceTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ADMIN = Address.person(Channel.TELEGRAM, "51122");
  private static final Address SAM = Address.person(Channel.TELEGRAM, "61233");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100999");

  private final Store store = SqliteStore.open(":memory:");
  private final Gazetteer gazetteer = Gazetteer.loadDefault();
  private final BotService bot =
      Bots.create(
          store,
          BotSettings.DEFAULT,
          Clock.fixed(NOW, ZoneOffset.UTC),
          new LexiconParser(gazetteer),
          gazetteer);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aGroupInCostaRicaMeansItsOwnSanJoseNotTheBiggerOneInCalifornia() {
    bot.handle(inGroup(ADMIN, "/subscribe Cartago, Costa Rica 100", "g1", true));
    assertThat(store.subscriptionOf(GROUP)).isPresent();

    bot.handle(inGroup(SAM, "we need 2 tarps in San Jose", "g2", false));

    assertThat(store.activeListingsOf(SAM))
        .singleElement()
        .satisfies(l -> assertThat(l.place().country()).isEqualTo("CR"));
  }

  @Test
  void aGroupSubscribedEarlierInTheSameBatchGivesItsCountryToTheMessagesAfterIt() {
    // The batch's texts are read ahead before the first is handled, when the group has no country.
    bot.handleAll(
        List.of(
            inGroup(ADMIN, "/subscribe Cartago, Costa Rica 100", "g1", true),
            inGroup(SAM, "we need 2 tarps in San Jose", "g2", false)));

    assertThat(store.activeListingsOf(SAM))
        .singleElement()
        .satisfies(l -> assertThat(l.place().country()).isEqualTo("CR"));
  }

  private static InboundMessage inGroup(Address from, String text, String id, boolean admin) {
    return new InboundMessage(
        from.channel(), id, from, GROUP, text, null, null, null, admin, admin, NOW);
  }
}
