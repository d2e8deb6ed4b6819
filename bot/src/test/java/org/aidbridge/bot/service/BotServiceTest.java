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
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bot's conversations, end to end through the real parser, gazetteer and SQLite store. */
class BotServiceTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Address CY = Address.person(Channel.SIGNAL, "5b0c-uuid-cy");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100999");
  private static final Address COORDINATOR = Address.person(Channel.SIGNAL, "c00d-uuid-coord");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot =
      Bots.create(
          store,
          BotSettings.DEFAULT.withCoordinators(Set.of(COORDINATOR)),
          Clock.fixed(NOW, ZoneOffset.UTC),
          new LexiconParser(Gazetteer.loadDefault()),
          Gazetteer.loadDefault());
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aNeedAndAMatchingOfferTellBothPeopleWithoutEitherAddress() {
    List<OutboundMessage> first = bot.handle(direct(ANA, "I need insulin in Portland, urgent"));
    assertThat(first).singleElement().satisfies(ack -> assertThat(ack.text()).contains("N-"));

    List<OutboundMessage> second = bot.handle(direct(BEN, "I can give insulin in Portland"));

    Listing need = store.activeListingsOf(ANA).get(0);
    Listing offer = store.activeListingsOf(BEN).get(0);
    OutboundMessage toAna = only(second, ANA);
    OutboundMessage toBen = notice(second, BEN);
    assertThat(toAna.text()).contains(need.ref(), offer.ref()).doesNotContain(BEN.id());
    assertThat(toBen.text()).contains(need.ref(), offer.ref()).doesNotContain(ANA.id(), "ana@");
    assertThat(toAna.subject()).isEqualTo("Match found for " + need.ref() + ": " + need.summary());
    assertThat(need.status()).isEqualTo(Status.MATCHED);
    assertThat(store.matchesOf(need.id())).hasSize(1);
  }

  @Test
  void aListingMatchedWithSeveralAtOnceAndOneMatchedBeforeAreAllMatched() {
    bot.handle(direct(BEN, "I can give insulin in Portland"));
    bot.handle(direct(CY, "I can give insulin in Portland"));

    bot.handle(direct(ANA, "I need insulin in Portland, urgent"));
    Address dee = Address.person(Channel.TELEGRAM, "777002");
    bot.handle(direct(dee, "need insulin in Portland"));

    Listing firstNeed = store.activeListingsOf(ANA).get(0);
    Listing secondNeed = store.activeListingsOf(dee).get(0);
    assertThat(store.matchesOf(firstNeed.id())).hasSize(2);
    assertThat(store.matchesOf(secondNeed.id())).hasSize(2);
    for (Address author : List.of(ANA, BEN, CY, dee)) {
      assertThat(store.activeListingsOf(author))
          .singleElement()
          .extracting(Listing::status)
          .isEqualTo(Status.MATCHED);
    }
  }

  @Test
  void theSameMessageDeliveredTwiceIsHandledOnce() {
    InboundMessage message = direct(ANA, "need: 2 bags of rice in Oakland");

    assertThat(bot.handle(message)).isNotEmpty();
    assertThat(bot.handle(message)).isEmpty();

    assertThat(store.activeListingsOf(ANA)).hasSize(1);
    assertThat(store.dueOutbox(Channel.EMAIL, NOW, 10)).hasSize(1);
  }

  @Test
  void everyAnswerIsInTheOutboxBeforeAnyChannelSendsIt() {
    List<OutboundMessage> out = bot.handle(direct(BEN, "help"));

    assertThat(store.dueOutbox(Channel.TELEGRAM, NOW, 10))
        .extracting(OutboxEntry::message)
        .containsExactlyElementsOf(out);
  }

  @Test
  void aMessageStoredButNotHandledBeforeACrashIsHandledOnceOnRestart() {
    InboundMessage message = direct(ANA, "need: water in Oakland");
    store.recordInbound(message); // stored, then the bot died before acting on it

    assertThat(bot.resumePending()).isEqualTo(1);
    assertThat(bot.resumePending()).isZero();
    assertThat(bot.handle(message)).isEmpty();
    assertThat(store.activeListingsOf(ANA)).hasSize(1);
  }

  @Test
  void messagesThatArriveTogetherAreHandledInOneBatchAndSeeEachOther() {
    InboundMessage already = direct(CY, "help");
    bot.handle(already);
    InboundMessage need = direct(ANA, "I need insulin in Portland, urgent");
    InboundMessage offer = direct(BEN, "I can give insulin in Portland");

    List<OutboundMessage> out = bot.handleAll(List.of(need, already, offer));

    Listing stored = store.activeListingsOf(ANA).get(0);
    assertThat(stored.status()).isEqualTo(Status.MATCHED);
    assertThat(store.matchesOf(stored.id())).hasSize(1);
    assertThat(notice(out, BEN).text()).contains(stored.ref());
    assertThat(out).noneMatch(o -> o.to().equals(CY)); // the one handled before is not again
    assertThat(store.unprocessedInbound(10)).isEmpty();
    assertThat(store.dueOutbox(Channel.TELEGRAM, NOW, 10))
        .extracting(OutboxEntry::message)
        .containsAll(out.stream().filter(o -> o.to().equals(BEN)).toList());
  }

  @Test
  void listDoneAndWithdrawWorkOnlyOnTheAuthorsOwnListings() {
    bot.handle(direct(ANA, "need: diapers in Oakland"));
    bot.handle(direct(ANA, "offer: a ride to the clinic in Oakland"));
    List<Listing> mine = store.activeListingsOf(ANA);

    assertThat(only(bot.handle(direct(ANA, "list")), ANA).text())
        .contains(mine.get(0).ref(), mine.get(1).ref());
    assertThat(only(bot.handle(direct(BEN, "done " + mine.get(0).ref())), BEN).text())
        .contains("cannot find");
    assertThat(
            only(bot.handle(direct(ANA, "/done " + mine.get(0).ref().toLowerCase())), ANA).text())
        .contains("Closed " + mine.get(0).ref());
    assertThat(only(bot.handle(direct(ANA, "withdraw " + mine.get(1).ref())), ANA).text())
        .contains("Withdrew");
    assertThat(store.activeListingsOf(ANA)).isEmpty();
    assertThat(store.listingById(mine.get(0).id()).orElseThrow().status())
        .isEqualTo(Status.FULFILLED);
  }

  @Test
  void closingAMatchedListingTellsTheOtherPerson() {
    bot.handle(direct(ANA, "need: insulin in Portland"));
    bot.handle(direct(BEN, "offer: insulin in Portland"));
    Listing need = store.activeListingsOf(ANA).get(0);

    List<OutboundMessage> out = bot.handle(direct(ANA, "done " + need.ref()));

    assertThat(only(out, BEN).text()).contains(need.ref()).doesNotContain(ANA.id());
  }

  @Test
  void chatterInAGroupIsIgnoredSilentlyAndInPrivateGetsAHint() {
    assertThat(bot.handle(inGroup(BEN, "thanks everyone, see you tomorrow!", false, false)))
        .isEmpty();
    assertThat(bot.handle(direct(BEN, "thanks!"))).isEmpty();
    assertThat(only(bot.handle(direct(BEN, "what is this bot about?")), BEN).text())
        .contains("need: insulin in Portland");
    assertThat(store.allListings()).isEmpty();
  }

  @Test
  void onlyAnAdminOrACoordinatorSubscribesAGroup() {
    assertThat(only(bot.handle(inGroup(BEN, "/subscribe Portland 50", true, false)), GROUP).text())
        .contains("Only an admin");
    assertThat(store.subscriptionOf(GROUP)).isEmpty();

    assertThat(
            only(bot.handle(inGroup(BEN, "/subscribe Portland 50 medicine", true, true)), GROUP)
                .text())
        .contains("50 km of Portland");
    assertThat(store.subscriptionOf(GROUP).orElseThrow().categories())
        .containsExactly(Category.MEDICINE);

    Address coordinatorInGroup = COORDINATOR;
    assertThat(
            only(bot.handle(inGroup(coordinatorInGroup, "/unsubscribe", true, false)), GROUP)
                .text())
        .contains("no longer");
  }

  @Test
  void aSubscribedGroupHearsOfMatchesAndUrgentNeedsWithNoOnesIdentity() {
    bot.handle(inGroup(BEN, "/subscribe Portland 50", true, true));

    List<OutboundMessage> urgent = bot.handle(direct(ANA, "need insulin in Portland, urgent!"));
    assertThat(only(urgent, GROUP).text()).startsWith("Urgent need").doesNotContain("ana");

    List<OutboundMessage> matched = bot.handle(direct(CY, "offer: insulin in Portland"));
    assertThat(only(matched, GROUP).text())
        .startsWith("Match in your area")
        .doesNotContain(CY.id(), ANA.id());
  }

  @Test
  void anAnswerToAMatchNoticeIsRelayedToTheOtherPersonOnTheirChannel() {
    bot.handle(direct(ANA, "need: insulin in Portland"));
    bot.handle(direct(BEN, "offer: insulin in Portland"));
    OutboxEntry noticeToBen = sendAll(Channel.TELEGRAM).get(1);

    InboundMessage answer =
        new InboundMessage(
            Channel.TELEGRAM,
            "u" + ids.incrementAndGet(),
            BEN,
            null,
            "I can bring it tonight",
            null,
            "en",
            noticeToBen.channelMessageId(),
            true,
            false,
            NOW);
    List<OutboundMessage> out = bot.handle(answer);

    OutboundMessage relayed = only(out, ANA);
    assertThat(relayed.text()).contains("I can bring it tonight").doesNotContain(BEN.id());
    assertThat(relayed.to().channel()).isEqualTo(Channel.EMAIL);
  }

  @Test
  void aListingWithoutCategoryAsksOnceAndTakesTheChosenAnswer() {
    List<OutboundMessage> out = bot.handle(direct(BEN, "need: a flux capacitor in Portland"));
    Listing listing = store.activeListingsOf(BEN).get(0);
    assertThat(listing.categories()).containsExactly(Category.OTHER);
    OutboundMessage question = only(out.stream().filter(o -> !o.choices().isEmpty()).toList(), BEN);
    assertThat(question.text()).contains(listing.ref());
    assertThat(question.choices()).extracting(c -> c.reply()).contains("childcare", "food");

    bot.handle(direct(BEN, "childcare"));

    assertThat(store.listingById(listing.id()).orElseThrow().categories())
        .containsExactly(Category.CHILDCARE);
    bot.handle(direct(BEN, "medicine")); // asked once: this is no longer an answer
    assertThat(store.listingById(listing.id()).orElseThrow().categories())
        .containsExactly(Category.CHILDCARE);
  }

  @Test
  void aListingWithoutPlaceAsksWhereAndATypedTownAnswers() {
    List<OutboundMessage> out = bot.handle(direct(BEN, "need: insulin"));
    Listing listing = store.activeListingsOf(BEN).get(0);
    assertThat(out)
        .extracting(OutboundMessage::text)
        .anyMatch(t -> t.startsWith("Where is " + listing.ref()));

    bot.handle(direct(BEN, "Oakland"));

    assertThat(store.listingById(listing.id()).orElseThrow().place().name()).isEqualTo("Oakland");
  }

  @Test
  void repliesComeInThePersonsLanguage() {
    assertThat(only(bot.handle(direct(ANA, "necesito agua en Ciudad Juárez, urgente")), ANA).text())
        .contains("He guardado");
    InboundMessage persian =
        new InboundMessage(
            Channel.TELEGRAM,
            "u" + ids.incrementAndGet(),
            BEN,
            null,
            "/help",
            null,
            "fa",
            null,
            true,
            false,
            NOW);
    assertThat(only(bot.handle(persian), BEN).text()).contains("راهنما");
  }

  @Test
  void emailAnswersStayInThePersonsThread() {
    InboundMessage mail =
        new InboundMessage(
            Channel.EMAIL,
            "<m1@example.org>",
            ANA,
            null,
            "",
            "NEED: insulin in Portland",
            null,
            null,
            true,
            false,
            NOW);

    OutboundMessage ack = only(bot.handle(mail), ANA);

    assertThat(ack.inReplyTo()).isEqualTo("<m1@example.org>");
    assertThat(ack.subject()).isEqualTo("Re: NEED: insulin in Portland");
    assertThat(store.activeListingsOf(ANA))
        .singleElement()
        .satisfies(l -> assertThat(l.categories()).contains(Category.MEDICINE));
  }

  @Test
  void aNewMailIsReadByItsSubjectWhenTheBodySaysNothing() {
    InboundMessage mail =
        new InboundMessage(
            Channel.EMAIL,
            "m-subject",
            ANA,
            null,
            "Hello, see subject. Thank you",
            "Need insulin in Portland",
            null,
            null,
            true,
            false,
            NOW);

    bot.handle(mail);

    assertThat(store.activeListingsOf(ANA))
        .singleElement()
        .satisfies(l -> assertThat(l.categories()).contains(Category.MEDICINE));
  }

  @Test
  void anEmptyAnswerIsNeverReadByItsRepeatedSubject() {
    InboundMessage answer =
        new InboundMessage(
            Channel.EMAIL,
            "m-re",
            ANA,
            null,
            "",
            "Re: NEED: insulin in Portland",
            null,
            "aidbridge.1.ab@localhost",
            true,
            false,
            NOW);

    assertThat(bot.handle(answer)).isEmpty();
    assertThat(store.allListings()).isEmpty();
  }

  @Test
  void someoneWhoWritesAgainIsReachableAgain() {
    store.setUnreachable(ANA, true);

    bot.handle(direct(ANA, "help"));

    assertThat(store.isUnreachable(ANA)).isFalse();
  }

  private List<OutboxEntry> sendAll(Channel channel) {
    List<OutboxEntry> due = store.dueOutbox(channel, NOW, 100);
    due.forEach(e -> store.markSent(e.id(), "sent-" + e.id(), NOW));
    return due.stream().map(e -> store.outboxEntry(e.id()).orElseThrow()).toList();
  }

  private InboundMessage direct(Address from, String text) {
    // Mail here comes vouched for by its server (DKIM): what unproven mail may do is in
    // ProofPolicyTest.
    return InboundMessage.direct(from, "m" + ids.incrementAndGet(), text, NOW)
        .withProof(from.channel() == Channel.EMAIL ? Proof.MAIL_SERVER : Proof.PLATFORM);
  }

  private InboundMessage inGroup(Address from, String text, boolean addressed, boolean admin) {
    return new InboundMessage(
        from.channel(),
        "g" + ids.incrementAndGet(),
        from,
        GROUP,
        text,
        null,
        null,
        null,
        addressed,
        admin,
        NOW);
  }

  /** The match notice among the messages to one person. */
  private static OutboundMessage notice(List<OutboundMessage> out, Address to) {
    return only(
        out.stream().filter(o -> o.topic() != null && o.topic().startsWith("match:")).toList(), to);
  }

  private static OutboundMessage only(List<OutboundMessage> out, Address to) {
    assertThat(out).filteredOn(o -> o.to().equals(to)).hasSize(1);
    return out.stream().filter(o -> o.to().equals(to)).findFirst().orElseThrow();
  }
}
