package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Needs nobody nearby meets reach farther groups ring by ring (25 km at once, 150 km after a day,
 * the whole country after three), each ring once.
 */
class EscalationTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Address COVERING = Address.group(Channel.TELEGRAM, "-100001");
  private static final Address VANCOUVER = Address.group(Channel.SIGNAL, "vancouver-group==");
  private static final Address SALEM = Address.group(Channel.TELEGRAM, "-100002");
  private static final Address SEATTLE = Address.group(Channel.EMAIL, "seattle-list@example.org");
  private static final Address TORONTO = Address.group(Channel.TELEGRAM, "-100003");

  private final LifeWorld world = new LifeWorld(BotSettings.DEFAULT);

  @BeforeEach
  void groups() {
    world.subscribe(COVERING, LifeWorld.PORTLAND_OR, 50, "en");
    world.subscribe(VANCOUVER, LifeWorld.VANCOUVER_WA, 5, "en");
    world.subscribe(SALEM, LifeWorld.SALEM_OR, 20, "es");
    world.subscribe(SEATTLE, LifeWorld.SEATTLE, 20, "fa");
    world.subscribe(TORONTO, LifeWorld.TORONTO, 50, "en");
  }

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void anUnmetNeedReachesEachRingOnceAndOnlyGroupsThatHaveNotHeardOfIt() {
    world.say(ANA, "need: insulin in Portland");
    Listing need = world.only(ANA);

    List<OutboundMessage> first = world.run();
    assertThat(groupsTold(first)).containsExactly(VANCOUVER);
    assertThat(first.get(0).text()).contains(need.ref(), "insulin", "farther away");
    assertThat(world.run()).isEmpty();

    world.clock.advance(Duration.ofHours(23));
    assertThat(world.run()).isEmpty();
    world.clock.advance(Duration.ofHours(1));
    List<OutboundMessage> second = world.run();
    assertThat(groupsTold(second)).containsExactly(SALEM);
    assertThat(second.get(0).text()).startsWith("Una necesidad de más lejos");

    world.clock.advance(Duration.ofHours(48));
    List<OutboundMessage> third = world.run();
    assertThat(groupsTold(third)).containsExactly(SEATTLE);
    assertThat(third.get(0).text()).doesNotContain(ANA.id());

    world.clock.advance(Duration.ofDays(5));
    assertThat(groupsTold(world.run())).isEmpty();
    assertThat(world.store.escalationsOf(need.id())).containsExactly(0, 1, 2);
    assertThat(world.store.escalationsPerRing())
        .containsExactly(Map.entry(0, 1L), Map.entry(1, 1L), Map.entry(2, 1L));
  }

  @Test
  void aNeedThatCanTravelReachesEachRingInHalfTheTime() {
    world.say(ANA, "need: money for bail in Portland");
    world.run();

    world.clock.advance(Duration.ofHours(12));
    assertThat(groupsTold(world.run())).containsExactly(SALEM);
    world.clock.advance(Duration.ofHours(24));
    assertThat(groupsTold(world.run())).containsExactly(SEATTLE);
  }

  @Test
  void aMatchedNeedIsNotCarriedFarther() {
    world.say(ANA, "need: insulin in Portland");
    world.say(BEN, "offer: insulin in Portland");
    Listing need = world.only(ANA);

    world.clock.advance(Duration.ofDays(4));

    assertThat(groupsTold(world.run())).isEmpty();
    assertThat(world.store.escalationsOf(need.id())).isEmpty();
  }

  @Test
  void withoutRingsNothingIsCarriedFarther() {
    BotSettings none =
        BotSettings.DEFAULT.withLifecycle(
            Duration.ofDays(30),
            List.of(),
            BotSettings.DEFAULT.digestTime(),
            BotSettings.DEFAULT.digestZone(),
            Duration.ofHours(24));
    try (LifeWorld quiet = new LifeWorld(none)) {
      quiet.subscribe(VANCOUVER, LifeWorld.VANCOUVER_WA, 5, "en");
      quiet.say(ANA, "need: insulin in Portland");
      quiet.clock.advance(Duration.ofDays(4));
      assertThat(groupsTold(quiet.run())).isEmpty();
    }
  }

  /** The groups among the recipients (digests left out: they come at their own time). */
  private static List<Address> groupsTold(List<OutboundMessage> out) {
    return out.stream()
        .filter(o -> o.to().group() && !"digest".equals(o.topic()))
        .map(OutboundMessage::to)
        .toList();
  }
}
