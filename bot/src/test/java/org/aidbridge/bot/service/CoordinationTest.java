package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broadcasts, moderation and statistics, for coordinators only. */
class CoordinationTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address COORDINATOR = Address.person(Channel.TELEGRAM, "1");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.SIGNAL, "5b0c-uuid-ben");
  private static final Place OAKLAND = new Place("Oakland", "Oakland", "US", 37.8044, -122.2712);
  private static final Place BOSTON = new Place("Boston", "Boston", "US", 42.3601, -71.0589);
  private static final Address TELEGRAM_GROUP = Address.group(Channel.TELEGRAM, "-1001");
  private static final Address SIGNAL_GROUP = Address.group(Channel.SIGNAL, "c2lnbmFs");
  private static final Address EMAIL_LIST =
      Address.group(Channel.EMAIL, "east-bay@lists.example.org");
  private static final Address FAR_GROUP = Address.group(Channel.TELEGRAM, "-1002");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot =
      Bots.create(
          store,
          BotSettings.DEFAULT.withCoordinators(Set.of(COORDINATOR)),
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void groups() {
    store.saveSubscription(new Subscription(TELEGRAM_GROUP, OAKLAND, 30, Set.of(), "en"));
    store.saveSubscription(
        new Subscription(SIGNAL_GROUP, OAKLAND, 50, Set.of(Category.FOOD), "es"));
    store.saveSubscription(
        new Subscription(EMAIL_LIST, OAKLAND, 50, Set.of(Category.MEDICINE), "en"));
    store.saveSubscription(new Subscription(FAR_GROUP, BOSTON, 50, Set.of(), "en"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aBroadcastIsPreviewedThenSentToEveryFittingGroupWhateverItsChannel() {
    OutboundMessage preview =
        only(
            bot.handle(
                say(COORDINATOR, "/broadcast Oakland food Free meals at the church at 5pm")));
    assertThat(preview.text()).contains("2 group(s)", "signal 1", "telegram 1", "Free meals");
    assertThat(store.dueOutbox(Channel.SIGNAL, NOW, 10)).isEmpty();

    List<OutboundMessage> sent = bot.handle(say(COORDINATOR, "broadcast confirm"));

    assertThat(sent)
        .extracting(OutboundMessage::to)
        .contains(TELEGRAM_GROUP, SIGNAL_GROUP, COORDINATOR)
        .doesNotContain(EMAIL_LIST, FAR_GROUP);
    assertThat(sent)
        .filteredOn(o -> o.to().equals(SIGNAL_GROUP))
        .singleElement()
        .satisfies(
            o -> assertThat(o.text()).startsWith("Aviso de coordinación").contains("Free meals"));
    assertThat(bot.handle(say(COORDINATOR, "broadcast confirm")))
        .singleElement()
        .satisfies(o -> assertThat(o.text()).contains("no broadcast waiting"));
  }

  @Test
  void aBroadcastToAllReachesEveryGroupAndCanBeCancelled() {
    bot.handle(say(COORDINATOR, "broadcast all Storm warning tonight"));
    assertThat(only(bot.handle(say(COORDINATOR, "broadcast cancel"))).text()).contains("cancelled");

    bot.handle(say(COORDINATOR, "broadcast all Storm warning tonight"));
    assertThat(bot.handle(say(COORDINATOR, "broadcast confirm")))
        .extracting(OutboundMessage::to)
        .contains(TELEGRAM_GROUP, SIGNAL_GROUP, EMAIL_LIST, FAR_GROUP);
  }

  @Test
  void someoneWhoIsNotACoordinatorIsRefusedKindly() {
    for (String command :
        List.of("broadcast all hi there", "stats", "close N-ABC", "ban telegram:5")) {
      assertThat(only(bot.handle(say(ANA, command))).text())
          .isEqualTo("Only coordinators can do that.");
    }
    assertThat(store.dueOutbox(Channel.TELEGRAM, NOW, 10)).isEmpty();
  }

  @Test
  void closingAListingTellsItsAuthorAndHidingTakesItOutOfMatching() {
    bot.handle(say(ANA, "need: insulin in Oakland"));
    Listing need = store.activeListingsOf(ANA).get(0);

    List<OutboundMessage> closed = bot.handle(say(COORDINATOR, "close " + need.ref()));
    assertThat(closed).extracting(OutboundMessage::to).contains(ANA);
    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.WITHDRAWN);

    bot.handle(say(ANA, "need: rice in Oakland"));
    Listing rice = store.activeListingsOf(ANA).get(0);
    bot.handle(say(COORDINATOR, "hide " + rice.ref()));
    assertThat(store.listingById(rice.id()).orElseThrow().status().active()).isFalse();
  }

  @Test
  void aBannedPersonIsIgnoredAndTheirListingsHidden() {
    bot.handle(say(BEN, "offer: rice in Oakland"));
    String ref = store.activeListingsOf(BEN).get(0).ref();

    bot.handle(say(COORDINATOR, "ban " + ref));

    assertThat(store.activeListingsOf(BEN)).isEmpty();
    assertThat(bot.handle(say(BEN, "help"))).isEmpty();
  }

  @Test
  void statsCountOpenListingsMatchesAndTheMedianWait() {
    bot.handle(say(ANA, "need: insulin in Oakland"));
    bot.handle(say(BEN, "offer: insulin in Oakland"));
    bot.handle(say(BEN, "offer: rice in Oakland"));

    String stats = only(bot.handle(say(COORDINATOR, "stats"))).text();

    assertThat(stats)
        .contains(
            "Open needs: 1. Open offers: 2.",
            "medicine 2",
            "food 1",
            "Matches made: 1",
            "0 min",
            "by ring: \u2014");
  }

  @Test
  void aCoordinatorSubscribesAnEmailListToAnAreaLikeAGroup() {
    Address list = Address.group(Channel.EMAIL, "portland@lists.example.org");

    assertThat(
            only(bot.handle(say(ANA, "/subscribe portland@lists.example.org Portland 20"))).text())
        .isEqualTo("Only coordinators can do that.");
    bot.handle(say(COORDINATOR, "/subscribe portland@lists.example.org Portland 20 medicine"));

    assertThat(store.subscriptionOf(list).orElseThrow().categories())
        .containsExactly(Category.MEDICINE);
    List<OutboundMessage> urgent = bot.handle(say(BEN, "need insulin in Portland, urgent!"));
    assertThat(urgent).extracting(OutboundMessage::to).contains(list);

    bot.handle(say(COORDINATOR, "unsubscribe portland@lists.example.org"));
    assertThat(store.subscriptionOf(list)).isEmpty();
  }

  @Test
  void aCoordinatorCommandFromAnUnprovenEmailSenderOnlyAsksTheAddressToConfirm() {
    Address mailCoordinator = Address.person(Channel.EMAIL, "coordinator@relief.example");
    BotService withMailCoordinator =
        Bots.create(
            store,
            BotSettings.DEFAULT.withCoordinators(Set.of(mailCoordinator)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    InboundMessage forged =
        new InboundMessage(
                Channel.EMAIL,
                "forged-1",
                mailCoordinator,
                null,
                "broadcast all Evacuate now",
                null,
                null,
                null,
                true,
                false,
                NOW)
            .withProof(Proof.NONE);
    InboundMessage genuine =
        new InboundMessage(
                Channel.EMAIL,
                "genuine-1",
                mailCoordinator,
                null,
                "broadcast all Storm tonight",
                null,
                null,
                null,
                true,
                false,
                NOW)
            .withProof(Proof.MAIL_SERVER);

    OutboundMessage question = only(withMailCoordinator.handle(forged));
    assertThat(question.to()).isEqualTo(mailCoordinator);
    assertThat(question.text()).contains("To be sure it was you", "Evacuate now");
    assertThat(
            withMailCoordinator.handle(
                new InboundMessage(
                        Channel.EMAIL,
                        "forged-2",
                        mailCoordinator,
                        null,
                        "broadcast confirm",
                        null,
                        null,
                        null,
                        true,
                        false,
                        NOW)
                    .withProof(Proof.NONE)))
        .singleElement()
        .satisfies(o -> assertThat(o.to()).isEqualTo(mailCoordinator));

    assertThat(only(withMailCoordinator.handle(genuine)).text()).contains("4 group(s)");
  }

  @Test
  void aCoordinatorPostsTheDigestNowToEverySubscribedGroup() {
    bot.handle(say(ANA, "need: insulin in Oakland"));

    List<OutboundMessage> out = bot.handle(say(COORDINATOR, "digest"));

    assertThat(out)
        .extracting(OutboundMessage::to)
        .contains(TELEGRAM_GROUP, EMAIL_LIST, COORDINATOR);
    assertThat(out)
        .filteredOn(o -> o.to().equals(TELEGRAM_GROUP))
        .first()
        .satisfies(
            o ->
                assertThat(o.text())
                    .contains(store.allListings().get(0).ref())
                    .doesNotContain(ANA.id()));
    assertThat(only(bot.handle(say(ANA, "digest"))).text())
        .isEqualTo("Only coordinators can do that.");
  }

  @Test
  void aGroupAdminPostsTheDigestOfTheirOwnGroupOnly() {
    bot.handle(say(ANA, "need: insulin in Oakland"));
    InboundMessage fromAdmin =
        new InboundMessage(
            Channel.TELEGRAM,
            "g-admin",
            BEN,
            TELEGRAM_GROUP,
            "/digest",
            null,
            null,
            null,
            true,
            true,
            NOW);
    InboundMessage fromMember =
        new InboundMessage(
            Channel.TELEGRAM,
            "g-member",
            BEN,
            TELEGRAM_GROUP,
            "/digest",
            null,
            null,
            null,
            true,
            false,
            NOW);

    assertThat(bot.handle(fromAdmin)).extracting(OutboundMessage::to).containsOnly(TELEGRAM_GROUP);
    assertThat(only(bot.handle(fromMember)).text()).isEqualTo("Only coordinators can do that.");
  }

  @Test
  void aCoordinatorsLinkedIdentityIsACoordinatorForEveryCommand() {
    Address coordinatorByMail = Address.person(Channel.EMAIL, "coord@relief.example");
    store.link(COORDINATOR, coordinatorByMail);
    InboundMessage proven =
        new InboundMessage(
                Channel.EMAIL,
                "linked-1",
                coordinatorByMail,
                null,
                "subscribe oakland@lists.example.org Oakland 20",
                null,
                null,
                null,
                true,
                false,
                NOW)
            .withProof(Proof.MAIL_SERVER);

    bot.handle(proven);

    assertThat(store.subscriptionOf(Address.group(Channel.EMAIL, "oakland@lists.example.org")))
        .isPresent();
  }

  @Test
  void aCoordinatorSeesDeadLettersWithoutWhoOrWhatAndQueuesOneAgain() {
    long id = store.enqueue(OutboundMessage.to(ANA, "your match: call me", "en"), NOW).id();
    store.markDeadLetter(id, "recipient refused (550 5.7.1)");

    String listed = only(bot.handle(say(COORDINATOR, "deadletters"))).text();
    assertThat(listed)
        .contains("#" + id, "email", "person", "1 times", "550 5.7.1", "retry <number>")
        .doesNotContain("ana@example.org", "call me");
    assertThat(only(bot.handle(say(ANA, "deadletters"))).text())
        .as("for coordinators only")
        .doesNotContain("#" + id);

    assertThat(only(bot.handle(say(COORDINATOR, "retry " + id))).text()).contains("#" + id);
    assertThat(store.deadLetters(10)).isEmpty();
    assertThat(store.dueOutbox(Channel.EMAIL, NOW, 10)).extracting(e -> e.id()).contains(id);
    assertThat(only(bot.handle(say(COORDINATOR, "retry " + id))).text())
        .contains("No message #" + id);
    assertThat(only(bot.handle(say(COORDINATOR, "deadletters"))).text())
        .contains("Nothing is set aside");
  }

  private InboundMessage say(Address from, String text) {
    return InboundMessage.direct(from, "c" + ids.incrementAndGet(), text, NOW);
  }

  private static OutboundMessage only(List<OutboundMessage> out) {
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
