package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the dashboard does through the core: the same rules as the chat commands. */
class CoordinatorDeskTest {
  private static final Gazetteer PLACES = Gazetteer.loadDefault();
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.5234, -122.6762);
  private static final Address PORTLAND_GROUP = Address.group(Channel.TELEGRAM, "-1001");
  private static final Address FOOD_GROUP = Address.group(Channel.SIGNAL, "Zm9vZA==");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final Store store = SqliteStore.open(":memory:");
  private final BotSettings settings =
      new BotSettings("en", "US", Set.of(), Duration.ofDays(14), Map.of(), 3, 150);
  private final BotService bot =
      Bots.create(store, settings, clock, new LexiconParser(PLACES), PLACES);
  private final CoordinatorDesk desk = Bots.desk(store, settings, clock, PLACES);
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void closingTellsTheAuthorOnTheirChannelAndAClosedListingCannotBeClosedAgain() {
    Listing need = post("need: insulin in Portland");

    assertThat(desk.close(need.ref().toLowerCase())).isTrue();

    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.WITHDRAWN);
    assertThat(pendingTo(ANA))
        .anyMatch(e -> e.message().text().contains("closed by a coordinator"));
    assertThat(desk.close(need.ref())).isFalse();
    assertThat(desk.hide("N-NONE")).isFalse();
  }

  @Test
  void hidingTellsNoOneAndRenewingGivesAFreshLifetime() {
    Listing rice = post("need: 2 bags of rice in Portland");
    Listing water = post("need: water in Portland");
    int queued = pendingTo(ANA).size();
    clock.advance(Duration.ofDays(2));

    assertThat(desk.hide(rice.ref())).isTrue();
    assertThat(desk.renew(water.ref())).isTrue();

    assertThat(store.listingById(rice.id()).orElseThrow().status()).isEqualTo(Status.HIDDEN);
    assertThat(pendingTo(ANA)).hasSize(queued);
    assertThat(store.listingById(water.id()).orElseThrow().expiresAt())
        .isEqualTo(clock.instant().plus(settings.expiryFor(Set.of(Category.WATER))));
  }

  @Test
  void aBroadcastFromSeparateFieldsReachesTheGroupsTheChatCommandWould() {
    store.saveSubscription(new Subscription(PORTLAND_GROUP, PORTLAND, 30, Set.of(), "en"));
    store.saveSubscription(new Subscription(FOOD_GROUP, PORTLAND, 30, Set.of(Category.FOOD), "es"));

    Broadcasts.Draft water = desk.draft("Portland", "water", "Water at the library").orElseThrow();
    Broadcasts.Draft everything = desk.draft("all", "", "Storm tonight").orElseThrow();

    assertThat(desk.groupsFor(water))
        .extracting(Subscription::group)
        .containsExactly(PORTLAND_GROUP);
    assertThat(desk.draft("Nowhereville Xq", "", "hi")).isEmpty();
    assertThat(desk.draft("Portland", "", " ")).isEmpty();
    assertThat(desk.broadcast(everything)).isEqualTo(2);
    assertThat(pendingTo(FOOD_GROUP))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message().text())
                    .startsWith("Aviso de coordinación")
                    .endsWith("Storm tonight"));
  }

  private Listing post(String text) {
    bot.handle(InboundMessage.direct(ANA, "m" + ids.incrementAndGet(), text, clock.instant()));
    return store.activeListingsOf(ANA).get(0);
  }

  private List<OutboxEntry> pendingTo(Address to) {
    return store.dueOutbox(to.channel(), clock.instant().plus(Duration.ofDays(400)), 100).stream()
        .filter(e -> e.message().to().equals(to))
        .toList();
  }
}
