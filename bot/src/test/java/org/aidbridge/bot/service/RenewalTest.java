package org.aidbridge.bot.service;

import static org.aidbridge.bot.service.LifeWorld.onlyTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listings end on time; their authors are asked once, a day before, whether they still stand. */
class RenewalTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Duration LIFE = BotSettings.DEFAULT.defaultExpiry();

  private final LifeWorld world = new LifeWorld(BotSettings.DEFAULT);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aListingPastItsTimeExpiresAndNoLongerMatches() {
    world.say(ANA, "need: insulin in Portland");
    Listing need = world.only(ANA);

    world.clock.advance(LIFE.plusMinutes(1));
    world.run();

    assertThat(world.reread(need).status()).isEqualTo(Status.EXPIRED);
    List<OutboundMessage> out = world.say(BEN, "offer: insulin in Portland");
    assertThat(out).noneMatch(o -> o.to().equals(ANA));
    assertThat(world.store.matchesOf(need.id())).isEmpty();
  }

  @Test
  void theAuthorIsAskedOnceADayBeforeInTheirLanguageWithButtons() {
    world.say(ANA, "necesito agua en Ciudad Juárez");
    Listing need = world.only(ANA);

    world.clock.advance(LIFE.minusDays(2));
    assertThat(world.run()).isEmpty();
    world.clock.advance(Duration.ofDays(1));
    OutboundMessage question = onlyTo(world.run(), ANA);
    world.clock.advance(Duration.ofHours(1));
    List<OutboundMessage> again = world.run();

    assertThat(question.text()).startsWith("¿Sigues necesitando " + need.ref());
    // The days it would be kept, written as a number (passed as text since the formatter is not
    // built per question).
    assertThat(question.text()).contains("mantenerla " + LIFE.toDays() + " días más");
    assertThat(question.topic()).isEqualTo("renew:" + need.id());
    assertThat(question.choices())
        .extracting(c -> c.reply())
        .containsExactly("yes " + need.ref(), "no " + need.ref());
    assertThat(again).isEmpty();
    assertThat(world.store.dueOutbox(Channel.EMAIL, world.clock.instant(), 10))
        .extracting(OutboxEntry::message)
        .contains(question);
  }

  @Test
  void aYesRenewsTheListingForItsCategoriesLifetime() {
    world.say(ANA, "need: insulin in Portland");
    Listing need = world.only(ANA);
    world.clock.advance(LIFE.minusHours(12));
    world.run();

    OutboundMessage reply = onlyTo(world.say(ANA, "Yes!"), ANA);

    Listing renewed = world.reread(need);
    assertThat(renewed.expiresAt()).isEqualTo(world.clock.instant().plus(LIFE));
    assertThat(reply.text()).contains(need.ref(), "stays up");
    world.clock.advance(Duration.ofHours(13));
    world.run();
    assertThat(world.reread(need).status()).isEqualTo(Status.OPEN);
  }

  @Test
  void aPressedButtonAnswersTheQuestionItCameWith() {
    world.say(BEN, "offer: 2 bags of rice in Portland");
    world.say(BEN, "offer: a ride to the clinic in Portland");
    world.clock.advance(LIFE.minusHours(12));
    world.run();
    OutboxEntry first =
        world.sendAll(Channel.TELEGRAM).stream()
            .filter(e -> e.message().topic() != null && e.message().topic().startsWith("renew:"))
            .findFirst()
            .orElseThrow();
    long id = Long.parseLong(first.message().topic().substring("renew:".length()));

    world.answer(BEN, "sí", first);

    assertThat(world.store.listingById(id).orElseThrow().expiresAt())
        .isEqualTo(world.clock.instant().plus(LIFE));
    assertThat(world.store.awaitingRenewal(BEN)).hasSize(1).noneMatch(l -> l.id() == id);
  }

  @Test
  void aNoWithdrawsTheListingAndTellsWhoItWasMatchedWith() {
    world.say(ANA, "need: insulin in Portland");
    world.say(BEN, "offer: insulin in Portland");
    Listing need = world.only(ANA);
    world.clock.advance(LIFE.minusHours(12));
    world.run();

    List<OutboundMessage> out = world.say(ANA, "no " + need.ref().toLowerCase());

    assertThat(world.reread(need).status()).isEqualTo(Status.WITHDRAWN);
    assertThat(onlyTo(out, ANA).text()).isEqualTo("Withdrew " + need.ref() + ".");
    assertThat(onlyTo(out, BEN).text()).contains(need.ref());
  }

  @Test
  void silenceLetsTheListingExpireAndALateYesRenewsNothing() {
    world.say(ANA, "need: insulin in Portland");
    Listing need = world.only(ANA);
    world.clock.advance(LIFE.minusHours(12));
    world.run();

    world.clock.advance(Duration.ofHours(13));
    world.run();
    world.say(ANA, "yes");

    Listing after = world.reread(need);
    assertThat(after.status()).isEqualTo(Status.EXPIRED);
    assertThat(after.expiresAt()).isEqualTo(need.expiresAt());
  }

  @Test
  void withTwoQuestionsWaitingABareYesAsksWhichOne() {
    world.say(BEN, "offer: 2 bags of rice in Portland");
    world.say(BEN, "offer: a ride to the clinic in Portland");
    world.clock.advance(LIFE.minusHours(12));
    assertThat(LifeWorld.to(world.run(), BEN)).hasSize(2);

    OutboundMessage reply = onlyTo(world.say(BEN, "yes"), BEN);

    assertThat(reply.text()).startsWith("I asked about more than one");
    assertThat(world.store.awaitingRenewal(BEN)).hasSize(2);
  }

  @Test
  void aYesToAMatchNoticeGoesToTheOtherPersonNotToTheRenewal() {
    world.say(ANA, "need: insulin in Portland");
    world.say(BEN, "offer: insulin in Portland");
    world.clock.advance(LIFE.minusHours(12));
    world.run();
    OutboxEntry notice =
        world.sendAll(Channel.TELEGRAM).stream()
            .filter(e -> e.message().topic() != null && e.message().topic().startsWith("match:"))
            .findFirst()
            .orElseThrow();

    List<OutboundMessage> out = world.answer(BEN, "yes", notice);

    assertThat(onlyTo(out, ANA).text()).contains("yes");
    assertThat(world.store.awaitingRenewal(BEN)).hasSize(1);
  }

  @Test
  void theAuthorCanAnswerFromAnotherLinkedIdentity() {
    Address anaPhone = Address.person(Channel.SIGNAL, "a11a-uuid-ana-phone");
    String reply = onlyTo(world.say(ANA, "link"), ANA).text();
    String code = reply.replaceAll("(?s).*code is ([2-9A-Z]{6}).*", "$1");
    world.say(anaPhone, "link " + code);
    world.say(ANA, "need: insulin in Portland");
    Listing need = world.only(ANA);
    world.clock.advance(LIFE.minusHours(12));
    world.run();

    world.say(anaPhone, "yes");

    assertThat(world.reread(need).expiresAt()).isEqualTo(world.clock.instant().plus(LIFE));
  }

  @Test
  void aListingThatLivesLessThanADayIsNotAskedAbout() {
    world.say(ANA, "need: insulin in Portland");
    Listing need = world.only(ANA);
    world.store.setExpiry(need.id(), world.clock.instant().plus(Duration.ofHours(20)));

    assertThat(world.run()).isEmpty();
  }
}
