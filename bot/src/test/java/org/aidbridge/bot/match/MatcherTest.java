package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatcherTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.5152, -122.6784);
  private static final Place SALEM = new Place("Salem", "Salem", "US", 44.9429, -123.0351);
  private static final Place SEATTLE = new Place("Seattle", "Seattle", "US", 47.6062, -122.3321);
  private static final Place BOSTON = new Place("Boston", "Boston", "US", 42.3601, -71.0589);

  private final Store store = SqliteStore.open(":memory:");
  private final Matcher matcher = new Matcher(store, new MatchScorer(150));
  private int people;

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void nearerOffersRankFirstAndFarOnesAreLeftOut() {
    Listing need = add(Kind.NEED, PORTLAND, Category.FOOD);
    Listing salem = add(Kind.OFFER, SALEM, Category.FOOD);
    Listing nextDoor = add(Kind.OFFER, PORTLAND, Category.FOOD);
    add(Kind.OFFER, SEATTLE, Category.FOOD); // ~230 km: beyond the 150 km limit
    add(Kind.OFFER, BOSTON, Category.FOOD);

    List<Match> matches = matcher.matchesFor(need, NOW, 10);

    assertThat(matches).extracting(m -> m.offer().id()).containsExactly(nextDoor.id(), salem.id());
    assertThat(matches.get(0).reasons()).contains("category:food", "distance-km:0");
    assertThat(matches.get(1).reasons()).contains("distance-km:69");
  }

  @Test
  void unknownPlacesAreCompatibleButRankBelowKnownNearbyOnes() {
    Listing need = add(Kind.NEED, PORTLAND, Category.MEDICINE);
    Listing nowhere = add(Kind.OFFER, null, Category.MEDICINE);
    Listing near = add(Kind.OFFER, SALEM, Category.MEDICINE);

    List<Match> matches = matcher.matchesFor(need, NOW, 10);

    assertThat(matches).extracting(m -> m.offer().id()).containsExactly(near.id(), nowhere.id());
    assertThat(matches.get(1).reasons()).contains("place-unknown");
  }

  @Test
  void thingsThatTravelMatchAtAnyDistance() {
    Listing bail = add(Kind.NEED, PORTLAND, Category.BAIL_LEGAL, Category.MONEY);
    Listing fund = add(Kind.OFFER, BOSTON, Category.BAIL_LEGAL);

    assertThat(matcher.matchesFor(bail, NOW, 10))
        .singleElement()
        .satisfies(m -> assertThat(m.offer().id()).isEqualTo(fund.id()))
        .satisfies(m -> assertThat(m.reasons()).contains("travels"));
  }

  @Test
  void onlyOppositeKindsOfOtherPeopleInASharedCategoryMatch() {
    Listing need = add(Kind.NEED, PORTLAND, Category.WATER);
    add(Kind.NEED, PORTLAND, Category.WATER);
    add(Kind.OFFER, PORTLAND, Category.CLOTHING);
    Listing own = listing(Kind.OFFER, PORTLAND, need.author(), Category.WATER);
    store.insertListing(own);

    assertThat(matcher.matchesFor(need, NOW, 10)).isEmpty();
  }

  @Test
  void closedOrExpiredListingsDoNotMatch() {
    Listing need = add(Kind.NEED, PORTLAND, Category.FOOD);
    Listing done = add(Kind.OFFER, PORTLAND, Category.FOOD);
    store.updateStatus(done.id(), Status.FULFILLED);

    assertThat(matcher.matchesFor(need, NOW, 10)).isEmpty();
    add(Kind.OFFER, PORTLAND, Category.FOOD);
    assertThat(matcher.matchesFor(need, NOW.plus(Duration.ofDays(30)), 10)).isEmpty();
  }

  @Test
  void sharingOnlyTheCatchAllCategoryIsNotEnoughWithoutASharedItem() {
    Listing need = add(Kind.NEED, PORTLAND, Category.OTHER);
    add(Kind.OFFER, PORTLAND, Category.OTHER);

    assertThat(matcher.matchesFor(need, NOW, 10)).isEmpty();
  }

  @Test
  void urgentNeedsScoreHigherAndTheLimitIsKept() {
    Listing offer = add(Kind.OFFER, PORTLAND, Category.FOOD);
    for (int i = 0; i < 5; i++) {
      add(Kind.NEED, PORTLAND, Category.FOOD);
    }
    Listing urgent =
        store.insertListing(
            listing(Kind.NEED, PORTLAND, person(), Urgency.HIGH, "rice", "text", Category.FOOD));

    List<Match> matches = matcher.matchesFor(offer, NOW, 3);

    assertThat(matches).hasSize(3);
    assertThat(matches.get(0).need().id()).isEqualTo(urgent.id());
    assertThat(matches.get(0).reasons()).contains("urgent");
  }

  @Test
  void itemsMatchAcrossLanguages() {
    Listing need =
        store.insertListing(
            listing(
                Kind.NEED,
                PORTLAND,
                person(),
                Urgency.NORMAL,
                "insulina",
                "text",
                Category.MEDICINE));
    Listing offer =
        store.insertListing(
            listing(
                Kind.OFFER, SALEM, person(), Urgency.NORMAL, "انسولین", "text", Category.MEDICINE));

    assertThat(matcher.matchesFor(need, NOW, 10))
        .singleElement()
        .satisfies(m -> assertThat(m.offer().id()).isEqualTo(offer.id()))
        .satisfies(m -> assertThat(m.reasons()).contains("item:insulin"));
  }

  @Test
  void anOfferThatShipsMatchesFarNeedsWhicheverComesFirst() {
    Listing ships =
        store.insertListing(
            listing(
                Kind.OFFER,
                BOSTON,
                person(),
                Urgency.NORMAL,
                "coat",
                "warm coats, can ship anywhere",
                Category.CLOTHING));
    Listing need = add(Kind.NEED, PORTLAND, Category.CLOTHING);
    add(Kind.OFFER, BOSTON, Category.CLOTHING); // no shipping: too far

    assertThat(matcher.matchesFor(need, NOW, 10))
        .singleElement()
        .satisfies(m -> assertThat(m.offer().id()).isEqualTo(ships.id()))
        .satisfies(m -> assertThat(m.reasons()).contains("travels"));
    assertThat(matcher.matchesFor(ships, NOW, 10))
        .extracting(m -> m.need().id())
        .containsExactly(need.id());
  }

  @Test
  void offersThatSayWhatTheNeedSaysRankFirstEvenInAnotherLanguage() {
    Listing need =
        store.insertListing(
            listing(
                Kind.NEED,
                PORTLAND,
                person(),
                Urgency.NORMAL,
                "rice",
                "need rice and beans for a family",
                Category.FOOD));
    Listing other =
        store.insertListing(
            listing(
                Kind.OFFER,
                PORTLAND,
                person(),
                Urgency.NORMAL,
                "rice",
                "can give rice",
                Category.FOOD));
    Listing same =
        store.insertListing(
            listing(
                Kind.OFFER,
                PORTLAND,
                person(),
                Urgency.NORMAL,
                "arroz",
                "ofrezco arroz y frijoles",
                Category.FOOD));

    List<Match> matches = matcher.matchesFor(need, NOW, 10);

    assertThat(matches).extracting(m -> m.offer().id()).containsExactly(same.id(), other.id());
    assertThat(matches.get(0).reasons()).contains("item:rice").anyMatch(r -> r.startsWith("text:"));
    assertThat(textPoints(matches.get(0))).isGreaterThan(textPoints(matches.get(1)));
  }

  private static double textPoints(Match match) {
    return match.reasons().stream()
        .filter(r -> r.startsWith("text:"))
        .mapToDouble(r -> Double.parseDouble(r.substring("text:".length())))
        .findFirst()
        .orElse(0);
  }

  private Listing add(Kind kind, Place place, Category... categories) {
    return store.insertListing(listing(kind, place, person(), categories));
  }

  private Address person() {
    return Address.person(Channel.TELEGRAM, String.valueOf(++people));
  }

  private static Listing listing(Kind kind, Place place, Address author, Category... categories) {
    return listing(kind, place, author, Urgency.NORMAL, "thing" + author.id(), "text", categories);
  }

  private static Listing listing(
      Kind kind,
      Place place,
      Address author,
      Urgency urgency,
      String item,
      String text,
      Category... categories) {
    return new Listing(
        0,
        null,
        kind,
        Set.of(categories),
        List.of(Item.named(item)),
        text,
        place,
        urgency,
        NOW.minus(Duration.ofHours(1)),
        NOW.plus(Duration.ofDays(7)),
        Status.OPEN,
        author,
        "en",
        null);
  }
}
