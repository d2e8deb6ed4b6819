package org.aidbridge.routes.scenario;

import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_MAIL;
import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_TELEGRAM;
import static org.aidbridge.routes.scenario.CrossChannelHarness.SECRET;
import static org.aidbridge.routes.scenario.CrossChannelHarness.TRUSTED_MX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.routes.telegram.Updates;
import org.junit.jupiter.api.Test;

/**
 * The bridge across channels, end to end: people on email, Telegram and Signal, groups on all
 * three, coordinators, time passing. After every scenario the privacy audit reads every message the
 * test servers received and every INFO log line (see {@link CrossChannelScenarios}).
 */
class CrossChannelScenarioIT extends CrossChannelScenarios {
  /** The bot's question to an address when a mail needs proof of its sender and has none. */
  private static final String CONFIRM = "To be sure it was you";

  // --- 1 and 2 ---

  @Test
  void emailNeedIsMatchedByATelegramOfferAndTheSubscribedSignalGroupHears() throws Exception {
    Pair pair = anaNeedsAndBenOffers();

    await().until(() -> groupHeard("signal:" + NORTHSIDE, "Match in your area"));
    assertThat(messages("signal:" + NORTHSIDE, "Match in your area"))
        .singleElement()
        .satisfies(m -> assertThat(m.content()).contains(pair.need().ref(), pair.offer().ref()));
    assertThat(PeopleMail.text(matchNotice())).contains(pair.need().ref(), pair.offer().ref());
    assertThat(benSaid("Good news")).contains(pair.need().ref(), pair.offer().ref());
    assertThat(h.store().listingById(pair.need().id()).orElseThrow().status())
        .isEqualTo(Status.MATCHED);
  }

  @Test
  void thePeopleOfAMatchTalkBothWaysAndShareContactsOnlyWhenBothAgree() throws Exception {
    Pair pair = anaNeedsAndBenOffers();

    h.mail()
        .send(
            h.mail()
                .answer(
                    ANA,
                    matchNotice(),
                    "Could you bring it to the library at noon?\n\nOn Monday AidBridge wrote:\n> "
                        + "Good news: there is a match"));
    await().until(() -> telegramTo(BEN).stream().anyMatch(s -> s.text().contains("library")));
    assertThat(benSaid("library")).contains(pair.offer().ref()).doesNotContain("Good news");

    int benNotice = benMessage("Good news").messageId();
    h.telegram().queue(Updates.privateReply(BEN, BEN_NAME, "Noon works, see you there", benNotice));
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains("Noon works")));

    // In the thread of the bot's mail: the answer proves Ana reads that mailbox.
    h.mail().send(h.mail().answer(ANA, matchNotice(), "share " + pair.offer().ref()));
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains("I will pass them on")));
    assertThat(h.delivered()).noneMatch(d -> d.says(PrivacyAudit.CONTACT_SHARE));

    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "/share " + pair.need().ref()));
    await().until(() -> contactShares().size() == 2);
    audit.consented(ANA_P, BEN_P);
    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "/share " + pair.need().ref()));
    await().until(() -> telegramTo(BEN).stream().anyMatch(s -> s.text().contains("already")));

    assertThat(contactShares()).hasSize(2);
    assertThat(messages("email:" + ANA, PrivacyAudit.CONTACT_SHARE))
        .singleElement()
        .satisfies(m -> assertThat(m.content()).contains("tg://user?id=" + BEN));
    assertThat(messages("telegram:" + BEN, PrivacyAudit.CONTACT_SHARE))
        .singleElement()
        .satisfies(m -> assertThat(m.content()).contains(ANA));
    awaitOutboxEmpty();
    assertThat(audit.leaksIn(h.delivered())).isEmpty();
    assertThat(audit.allowedSightings()).as("the audit saw the shared contacts").isPositive();
  }

  // --- 3 ---

  @Test
  void forgedCoordinatorMailIsRefusedAndGenuineBroadcastReachesAllThreeChannels() throws Exception {
    subscribeTelegramGroup(TG_PORTLAND, "Portland 50");
    subscribeSignalGroup(LEE, LEE_NUMBER, NORTHSIDE, "Portland 50");
    h.mail().send(COORDINATOR_MAIL, "list", "subscribe " + LIST + " Portland 50\n\n" + SECRET);
    await().until(() -> h.store().subscriptionOf(Address.group(Channel.EMAIL, LIST)).isPresent());

    String words = "Free meals at Laurelhurst Park at 5pm";
    h.mail().send(COORDINATOR_MAIL, "announcement", "broadcast Portland " + words);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains(CONFIRM)));
    h.mail().send(COORDINATOR_MAIL, "announcement", "broadcast Portland " + words + "\n" + SECRET);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("would go to")));
    assertThat(mailTo(COORDINATOR_MAIL).stream().filter(m -> m.contains("would go to")))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("3 group(s) (email 1, signal 1, telegram 1)"));
    h.mail().send(COORDINATOR_MAIL, "go", "broadcast confirm");
    await()
        .until(
            () -> mailTo(COORDINATOR_MAIL).stream().filter(m -> m.contains(CONFIRM)).count() == 2);
    awaitOutboxEmpty();
    assertThat(h.delivered()).noneMatch(d -> d.says("Announcement from the coordinators"));

    h.mail().send(COORDINATOR_MAIL, "go", SECRET + " broadcast confirm");
    await().until(() -> announced("telegram:" + TG_PORTLAND));
    await().until(() -> announced("signal:" + NORTHSIDE) && announced("email:" + LIST));
    for (String group :
        List.of("telegram:" + TG_PORTLAND, "signal:" + NORTHSIDE, "email:" + LIST)) {
      assertThat(messages(group, "Announcement from the coordinators"))
          .as(group)
          .singleElement()
          .satisfies(m -> assertThat(m.content()).contains(words));
    }
    MimeMessage toList = h.mail().to(LIST).get(0);
    assertThat(toList.getHeader("List-Unsubscribe")).isNotEmpty();
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("Sent to 3")));

    awaitOutboxEmpty();
    assertThat(DatabaseScan.tableCount(h.database())).isGreaterThan(5);
    assertThat(DatabaseScan.cellsContaining(h.database(), SECRET)).isEmpty();
    assertThat(h.delivered()).noneMatch(d -> d.says(SECRET));
    assertThat(logs.lines()).noneMatch(l -> l.text().contains(SECRET));
    assertThat(logs.lines()).anyMatch(l -> l.text().contains("came without it; asked to confirm"));
  }

  @Test
  void coordinatorMailVouchedForByTheTrustedServerRunsAndOneVouchedForByAnotherDoesNot()
      throws Exception {
    subscribeSignalGroup(LEE, LEE_NUMBER, NORTHSIDE, "Portland 50");
    MimeMessage forged =
        PeopleMail.onTop(
            h.mail().compose(COORDINATOR_MAIL, "hello", "broadcast all Forged words"),
            "Authentication-Results",
            "mx.forger.example; dkim=pass header.d=example.org");
    h.mail().send(forged);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains(CONFIRM)));
    // The trusted server's verdict copied lower in the mail, below the real one (which failed).
    MimeMessage copied = h.mail().compose(COORDINATOR_MAIL, "hello", "broadcast all Copied words");
    copied.setHeader("Authentication-Results", TRUSTED_MX + "; dkim=pass header.d=example.org");
    copied =
        PeopleMail.onTop(
            copied, "Authentication-Results", TRUSTED_MX + "; dkim=fail header.d=example.org");
    h.mail().send(copied);
    await()
        .until(
            () -> mailTo(COORDINATOR_MAIL).stream().filter(m -> m.contains(CONFIRM)).count() == 2);

    MimeMessage vouched =
        PeopleMail.onTop(
            h.mail().compose(COORDINATOR_MAIL, "hello", "broadcast all Real words"),
            "Authentication-Results",
            TRUSTED_MX + "; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org");
    h.mail().send(vouched);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("would go")));
    assertThat(mailTo(COORDINATOR_MAIL).stream().filter(m -> m.contains("would go")))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("Real words").doesNotContain("Forged", "Copied"));
    MimeMessage confirm =
        PeopleMail.onTop(
            h.mail().compose(COORDINATOR_MAIL, "go", "broadcast confirm"),
            "Authentication-Results",
            TRUSTED_MX + "; dmarc=pass header.from=example.org");
    h.mail().send(confirm);

    await().until(() -> announced("signal:" + NORTHSIDE));
    awaitOutboxEmpty();
    assertThat(messages("signal:" + NORTHSIDE, "Announcement from the coordinators"))
        .singleElement()
        .satisfies(m -> assertThat(m.content()).contains("Real words"));
    // Only the coordinator's own mailbox saw those words, in the bot's question to confirm them.
    assertThat(h.delivered())
        .filteredOn(d -> !d.recipient().equals("email:" + COORDINATOR_MAIL))
        .noneMatch(d -> d.says("Forged words") || d.says("Copied words"));
  }

  // --- 4 ---

  @Test
  void anUnmetNeedIsCarriedToFartherGroupsRingByRingOncePerRing() throws Exception {
    subscribeTelegramGroup(TG_PORTLAND, "Portland 50");
    h.telegram()
        .queue(
            Updates.privateText(
                COORDINATOR_TELEGRAM,
                COORDINATOR_NAME,
                "en",
                "/subscribe " + GRESHAM_LIST + " Gresham 5"));
    await()
        .until(
            () -> h.store().subscriptionOf(Address.group(Channel.EMAIL, GRESHAM_LIST)).isPresent());
    subscribeTelegramGroup(TG_SALEM, "Salem 20");
    subscribeSignalGroup(ROSA, ROSA_NUMBER, EASTSIDE, "Seattle 20");

    h.signalText(ROSA, ROSA_NUMBER, "urgent: need 3 sleeping bags in Portland", null);
    await().until(() -> !h.store().activeListingsOf(signalPerson(ROSA)).isEmpty());
    Listing need = h.store().activeListingsOf(signalPerson(ROSA)).get(0);
    assertThat(need.expiresAt()).isAfter(need.createdAt().plus(Duration.ofDays(4)));
    assertThat(kmFromNeed(need, Address.group(Channel.EMAIL, GRESHAM_LIST))).isBetween(5.0, 25.0);
    assertThat(kmFromNeed(need, telegramGroup(TG_SALEM))).isBetween(25.0, 150.0);
    assertThat(kmFromNeed(need, Address.group(Channel.SIGNAL, EASTSIDE))).isGreaterThan(150);

    h.housekeeping();
    h.housekeeping();
    assertFartherCounts(need, 1, 0, 0);
    h.clock().advance(Duration.ofHours(25));
    h.housekeeping();
    h.housekeeping();
    assertFartherCounts(need, 1, 1, 0);
    h.clock().advance(Duration.ofHours(48));
    h.housekeeping();
    assertFartherCounts(need, 1, 1, 1);
    h.clock().advance(Duration.ofHours(24));
    h.housekeeping();
    assertFartherCounts(need, 1, 1, 1);

    assertThat(h.store().escalationsOf(need.id())).containsExactly(0, 1, 2);
    assertThat(messages("telegram:" + TG_PORTLAND, FARTHER)).isEmpty();
    assertThat(messages("telegram:" + TG_PORTLAND, "Urgent need " + need.ref())).hasSize(1);
  }

  // --- 5 ---

  @Test
  void aRenewalPromptAnsweredYesOnSignalKeepsTheNeedUp() throws Exception {
    h.signalText(ROSA, ROSA_NUMBER, "need 2 bags of rice in Portland", null);
    await().until(() -> !h.store().activeListingsOf(signalPerson(ROSA)).isEmpty());
    Listing need = h.store().activeListingsOf(signalPerson(ROSA)).get(0);
    Instant ends = need.expiresAt();

    h.clock().advance(Duration.between(h.clock().instant(), ends.minus(Duration.ofHours(20))));
    assertThat(h.housekeeping()).filteredOn(m -> m.text().contains("still needed")).hasSize(1);
    await().until(() -> !signalTo(ROSA, "still needed").isEmpty());
    String question = signalTo(ROSA, "still needed").get(0).path("fake.timestamp").asText();
    assertThat(signalTo(ROSA, "still needed").get(0).path("message").asText()).contains(need.ref());

    h.signalQuote(ROSA, ROSA_NUMBER, "yes", question);
    await().until(() -> !signalTo(ROSA, "stays up until").isEmpty());

    Listing renewed = h.store().listingById(need.id()).orElseThrow();
    assertThat(renewed.status()).isEqualTo(Status.OPEN);
    assertThat(renewed.expiresAt()).isAfter(ends.plus(Duration.ofDays(5)));
    assertThat(h.housekeeping()).noneMatch(m -> m.text().contains("still needed"));
    awaitOutboxEmpty();
    assertThat(h.delivered())
        .filteredOn(d -> d.says("still needed") || d.says("stays up until"))
        .extracting(Delivered::recipient)
        .containsOnly("signal:" + ROSA);
  }

  // --- 6 ---

  @Test
  void forgetLeavesNothingOfThePersonInTheDatabase() throws Exception {
    subscribeSignalGroup(LEE, LEE_NUMBER, NORTHSIDE, "Portland 50");
    h.signalText(ROSA, ROSA_NUMBER, "need 2 bags of rice in Portland", null);
    await().until(() -> !h.store().activeListingsOf(signalPerson(ROSA)).isEmpty());
    h.mail().send(ANA, "OFFER: rice in Portland", "5 bags, any evening");
    await().until(() -> !signalTo(ROSA, "Good news").isEmpty());
    Listing offer = h.store().activeListingsOf(emailPerson(ANA)).get(0);
    h.signalText(ROSA, ROSA_NUMBER, "reply " + offer.ref() + " Thank you! Tomorrow evening?", null);
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains("Tomorrow evening?")));
    h.signalText(ROSA, ROSA_NUMBER, "link", null);
    await().until(() -> !signalTo(ROSA, "link code").isEmpty());

    h.signalText(ROSA, ROSA_NUMBER, "/forget", null);
    await().until(() -> !signalTo(ROSA, "Shall I delete everything").isEmpty());
    h.signalText(ROSA, ROSA_NUMBER, "yes", null);
    await().until(() -> !signalTo(ROSA, "I have deleted").isEmpty());
    awaitOutboxEmpty();
    h.housekeeping();

    for (String identifier : ROSA_P.identifiers()) {
      assertThat(DatabaseScan.cellsContaining(h.database(), identifier)).as(identifier).isEmpty();
    }
    assertThat(DatabaseScan.cellsContaining(h.database(), ANA)).isNotEmpty();
    assertThat(DatabaseScan.cellsContaining(h.database(), LEE)).isNotEmpty();
    assertThat(h.store().listingById(offer.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
  }
}
