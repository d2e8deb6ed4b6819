package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's daily digest: what is open nearby, and what waits farther away. */
class DigestsTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Address CY = Address.person(Channel.SIGNAL, "5b0c-uuid-cy");
  private static final Address DEE = Address.person(Channel.SIGNAL, "7e3a-uuid-dee");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100999");
  private static final Instant NEXT_EVENING = Instant.parse("2026-05-02T18:00:00Z");

  @TempDir Path dir;

  @Test
  void aDigestListsOpenNeedsNearbyThenUnmetOnesFartherAwayInTheGroupsLanguage() {
    try (LifeWorld world = new LifeWorld(BotSettings.DEFAULT)) {
      world.subscribe(GROUP, LifeWorld.PORTLAND_OR, 50, "es");
      world.say(ANA, "need: insulin in Portland");
      Listing near = world.only(ANA);
      world.say(BEN, "need: water in Seattle");
      Listing seattle = world.only(BEN);
      world.say(CY, "need: food in Toronto");
      Listing foreign = world.only(CY);
      world.say(DEE, "need: money for bail in Toronto");
      Listing travels = world.only(DEE);
      world.say(DEE, "offer: blankets in Portland");
      world.say(CY, "need: diapers in Portland");
      Listing withdrawn = world.store.activeListingsOf(CY).get(0);
      world.say(CY, "withdraw " + withdrawn.ref());
      world.say(ANA, "need: a tent in Portland");
      Listing expired = world.store.activeListingsOf(ANA).get(0);
      world.store.setExpiry(expired.id(), world.clock.instant().plus(Duration.ofHours(2)));

      world.clock.set(NEXT_EVENING.minus(Duration.ofHours(1)));
      world.say(BEN, "need: soap in Seattle"); // farther away, but not waiting long enough yet
      Listing fresh = world.store.activeListingsOf(BEN).get(0);

      world.clock.set(NEXT_EVENING);
      List<OutboundMessage> digest = digests(world.run());

      assertThat(digest).singleElement();
      String text = digest.get(0).text();
      assertThat(digest.get(0).to()).isEqualTo(GROUP);
      assertThat(text).startsWith("Necesidades abiertas a menos de 50 km de Portland");
      assertThat(text.indexOf(near.ref())).isPositive().isLessThan(text.indexOf("Más lejos"));
      assertThat(text.indexOf(seattle.ref())).isGreaterThan(text.indexOf("Más lejos"));
      assertThat(text).contains(travels.ref());
      assertThat(text)
          .doesNotContain(foreign.ref(), withdrawn.ref(), expired.ref(), "O-", fresh.ref())
          .doesNotContain(ANA.id(), BEN.id(), DEE.id());
    }
  }

  @Test
  void eachGroupGetsOneDigestADayAtTheConfiguredTimeEvenAcrossARestart() {
    Path db = dir.resolve("bot.db");
    try (LifeWorld world = new LifeWorld(db, BotSettings.DEFAULT)) {
      world.subscribe(GROUP, LifeWorld.PORTLAND_OR, 50, "en");
      world.say(ANA, "need: insulin in Portland");
      world.clock.set(NEXT_EVENING.minusSeconds(60));
      assertThat(digests(world.run())).isEmpty();
      world.clock.set(NEXT_EVENING);
      assertThat(digests(world.run())).hasSize(1);
      world.clock.advance(Duration.ofMinutes(30));
      assertThat(digests(world.run())).isEmpty();
    }
    try (LifeWorld restarted = new LifeWorld(db, BotSettings.DEFAULT)) {
      restarted.clock.set(NEXT_EVENING.plus(Duration.ofHours(1)));
      assertThat(digests(restarted.run())).isEmpty();
      restarted.clock.set(NEXT_EVENING.plus(Duration.ofDays(1)));
      assertThat(digests(restarted.run())).singleElement();
    }
  }

  @Test
  void aGroupWithNothingToReadGetsNoDigest() {
    try (LifeWorld world = new LifeWorld(BotSettings.DEFAULT)) {
      world.subscribe(GROUP, LifeWorld.PORTLAND_OR, 50, "en");
      world.say(ANA, "need: insulin in Seattle");
      world.clock.set(Instant.parse("2026-05-01T18:00:00Z"));

      assertThat(digests(world.run())).isEmpty();
    }
  }

  @Test
  void aLongDigestIsSplitIntoPartsThatFitTheChannel() {
    try (LifeWorld world = new LifeWorld(BotSettings.DEFAULT)) {
      Subscription group = new Subscription(GROUP, LifeWorld.PORTLAND_OR, 50, Set.of(), "fa");
      for (int i = 0; i < 12; i++) {
        world.say(Address.person(Channel.TELEGRAM, "90" + i), "need: insulin in Portland");
      }
      Digests digests =
          new Digests(world.store, BotSettings.DEFAULT, Map.of(Channel.TELEGRAM, 300));

      List<OutboundMessage> parts = digests.digestFor(group, world.clock.instant());

      assertThat(parts)
          .hasSizeGreaterThan(1)
          .allSatisfy(p -> assertThat(p.text()).hasSizeLessThanOrEqualTo(300));
      String whole = String.join("\n", parts.stream().map(OutboundMessage::text).toList());
      assertThat(whole).startsWith("نیازهای باز");
      for (Listing need : world.store.openUnmatchedNeeds(world.clock.instant())) {
        assertThat(whole).contains(need.ref());
      }
    }
  }

  @Test
  void aDigestShowsTheOldestNeedsUpToItsLimitAndCountsTheRest() {
    try (LifeWorld world = new LifeWorld(BotSettings.DEFAULT)) {
      Subscription group = new Subscription(GROUP, LifeWorld.PORTLAND_OR, 50, Set.of(), "en");
      int needs = Digests.MAX_LINES + 3;
      for (int i = 0; i < needs; i++) {
        world.say(Address.person(Channel.TELEGRAM, "80" + i), "need: insulin in Portland");
        world.clock.advance(Duration.ofMinutes(1));
      }
      List<Listing> oldestFirst = world.store.openUnmatchedNeeds(world.clock.instant());
      Digests digests =
          new Digests(world.store, BotSettings.DEFAULT, Map.of(Channel.TELEGRAM, 100_000));

      String text = digests.digestFor(group, world.clock.instant()).get(0).text();

      assertThat(oldestFirst).hasSize(needs);
      int at = 0;
      for (Listing shown : oldestFirst.subList(0, Digests.MAX_LINES)) {
        assertThat(text.indexOf(shown.ref())).isGreaterThan(at);
        at = text.indexOf(shown.ref());
      }
      for (Listing left : oldestFirst.subList(Digests.MAX_LINES, needs)) {
        assertThat(text).doesNotContain(left.ref());
      }
      assertThat(text).contains("and 3 more");
    }
  }

  @Test
  void splittingKeepsLinesWholeAndCutsOnlyALineTooLongForAPart() {
    assertThat(Digests.split("aaaa\nbbbb\ncccc", 9)).containsExactly("aaaa\nbbbb", "cccc");
    assertThat(Digests.split("short", 100)).containsExactly("short");
    assertThat(Digests.split("abcdefg\nxy", 5)).containsExactly("abcde", "fg\nxy");
  }

  private static List<OutboundMessage> digests(List<OutboundMessage> out) {
    return out.stream().filter(o -> "digest".equals(o.topic())).toList();
  }
}
