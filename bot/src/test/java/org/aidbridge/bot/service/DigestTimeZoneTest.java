package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With digest.zone=auto, "18:00" is evening where each group is. */
class DigestTimeZoneTest {
  private static final Place SHIRAZ = new Place("Shiraz", "Shiraz", "IR", 29.6100, 52.5425);
  private static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.5152, -122.6784);
  private static final Address IRAN_GROUP = Address.group(Channel.TELEGRAM, "-1001");
  private static final Address OREGON_GROUP = Address.group(Channel.SIGNAL, "b3JlZ29u");
  // 15:00 UTC is 18:30 in Shiraz and 07:00 or 08:00 in Portland.
  private static final Instant AFTERNOON_UTC = Instant.parse("2026-05-01T15:00:00Z");

  private final Store store = SqliteStore.open(":memory:");
  private final BotSettings settings =
      BotSettings.DEFAULT.withLifecycle(
          Duration.ofDays(30),
          BotSettings.DEFAULT.escalationRings(),
          LocalTime.of(18, 0),
          null,
          Duration.ofHours(24));

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void eachGroupGetsItsDigestAtItsOwnEvening() {
    store.saveSubscription(new Subscription(IRAN_GROUP, SHIRAZ, 50, Set.of(), "fa"));
    store.saveSubscription(new Subscription(OREGON_GROUP, PORTLAND, 50, Set.of(), "en"));
    need(SHIRAZ);
    need(PORTLAND);

    List<OutboundMessage> due = Bots.digests(store, settings).dueDigests(AFTERNOON_UTC);

    assertThat(due).extracting(OutboundMessage::to).containsOnly(IRAN_GROUP);
    assertThat(Bots.digests(store, settings).dueDigests(AFTERNOON_UTC.plus(Duration.ofHours(11))))
        .extracting(OutboundMessage::to)
        .containsOnly(OREGON_GROUP);
  }

  private void need(Place place) {
    store.insertListing(
        new Listing(
            0,
            null,
            Kind.NEED,
            Set.of(Category.FOOD),
            List.of(Item.named("rice")),
            "need rice",
            place,
            Urgency.NORMAL,
            AFTERNOON_UTC.minus(Duration.ofHours(2)),
            AFTERNOON_UTC.plus(Duration.ofDays(5)),
            Status.OPEN,
            Address.person(Channel.EMAIL, "p" + place.name() + "@example.org"),
            "en",
            null));
  }
}
