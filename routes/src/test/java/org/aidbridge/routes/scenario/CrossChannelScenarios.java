package org.aidbridge.routes.scenario;

import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_MAIL;
import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_TELEGRAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.telegram.FakeBotApi;
import org.aidbridge.routes.telegram.Updates;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the cross-channel scenarios share: the people and groups, the running harness, and after
 * every scenario the privacy audit of every message the test servers received and every INFO log
 * line.
 */
abstract class CrossChannelScenarios {
  static final String ANA = "ana@example.org";
  static final long BEN = 8642097531L;
  static final String BEN_NAME = "ben_offers_tg";
  static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";
  static final String ROSA_NUMBER = "+15550002222";
  static final String LEE = "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33";
  static final String LEE_NUMBER = "+15550003333";
  static final long TG_ADMIN = 5301928374L;
  static final String TG_ADMIN_NAME = "tg_group_admin";

  /** Signal groups of the recorded listGroups answer: Lee administers Northside, Rosa Eastside. */
  static final String NORTHSIDE = "sb3/B9ivar+24qa83boax=";

  static final String EASTSIDE = "Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=";
  static final long TG_PORTLAND = -1001002003004L;
  static final long TG_SALEM = -1001002003005L;
  static final String LIST = "portland-aid@lists.example.org";
  static final String GRESHAM_LIST = "gresham-aid@lists.example.org";

  static final Participant ANA_P = Participant.email("Ana", ANA);
  static final Participant BEN_P = Participant.telegram("Ben", BEN, BEN_NAME);
  static final Participant ROSA_P = Participant.signal("Rosa", ROSA, ROSA_NUMBER);
  static final Participant LEE_P = Participant.signal("Lee", LEE, LEE_NUMBER);
  static final Participant ADMIN_P =
      Participant.telegram("the group admin", TG_ADMIN, TG_ADMIN_NAME);
  static final String COORDINATOR_NAME = "coordinator_tg";
  static final Participant COORD_P =
      new Participant(
          "the coordinator",
          List.of("email:" + COORDINATOR_MAIL, "telegram:" + COORDINATOR_TELEGRAM),
          List.of(COORDINATOR_MAIL, Long.toString(COORDINATOR_TELEGRAM), COORDINATOR_NAME));

  @TempDir Path dir;
  CrossChannelHarness h;
  CapturedLogs logs;
  PrivacyAudit audit;

  @BeforeAll
  static void waitBriefly() {
    Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
    Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
  }

  @AfterAll
  static void resetWaiting() {
    Awaitility.reset();
  }

  @BeforeEach
  void start() throws Exception {
    logs = CapturedLogs.attach();
    audit = new PrivacyAudit(List.of(ANA_P, BEN_P, ROSA_P, LEE_P, ADMIN_P, COORD_P));
    h = new CrossChannelHarness(dir);
  }

  @AfterEach
  void stopAndAuditPrivacy() throws Exception {
    try {
      if (h != null) {
        awaitOutboxEmpty();
        assertThat(audit.leaksIn(h.delivered())).as("identifiers in messages").isEmpty();
        assertThat(audit.leaksIn(logs)).as("identifiers in INFO logs").isEmpty();
      }
    } finally {
      if (h != null) {
        h.close();
      }
      logs.close();
    }
  }

  // --- helpers ---

  record Pair(Listing need, Listing offer) {}

  /** Lee subscribes Northside, Ana mails a need, Ben offers on Telegram: they are matched. */
  Pair anaNeedsAndBenOffers() throws Exception {
    subscribeSignalGroup(LEE, LEE_NUMBER, NORTHSIDE, "Portland 50");
    h.mail().send(ANA, "NEED: insulin in Portland", "");
    await().until(() -> !h.store().activeListingsOf(emailPerson(ANA)).isEmpty());
    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "I can give insulin in Portland"));
    await()
        .until(
            () ->
                h.mail().to(ANA).stream()
                        .anyMatch(m -> PeopleMail.subject(m).startsWith("Match found"))
                    && telegramTo(BEN).stream().anyMatch(s -> s.text().contains("Good news")));
    Listing need = h.store().activeListingsOf(emailPerson(ANA)).get(0);
    Listing offer =
        h.store().activeListingsOf(Address.person(Channel.TELEGRAM, Long.toString(BEN))).get(0);
    return new Pair(need, offer);
  }

  void subscribeSignalGroup(String uuid, String number, String group, String where) {
    h.signalText(uuid, number, "/subscribe " + where, group);
    await().until(() -> h.store().subscriptionOf(Address.group(Channel.SIGNAL, group)).isPresent());
  }

  void subscribeTelegramGroup(long chat, String where) {
    h.telegram().setStatus(chat, TG_ADMIN, "administrator");
    h.telegram().queue(Updates.groupText(chat, TG_ADMIN, TG_ADMIN_NAME, "/subscribe " + where));
    await()
        .until(
            () ->
                h.store()
                    .subscriptionOf(Address.group(Channel.TELEGRAM, Long.toString(chat)))
                    .isPresent());
  }

  MimeMessage matchNotice() {
    return h.mail().to(ANA).stream()
        .filter(m -> PeopleMail.subject(m).startsWith("Match found"))
        .findFirst()
        .orElseThrow();
  }

  List<FakeBotApi.Sent> telegramTo(long chat) {
    return h.telegram().sent().stream()
        .filter(s -> s.chatId().equals(Long.toString(chat)))
        .toList();
  }

  FakeBotApi.Sent benMessage(String containing) {
    return telegramTo(BEN).stream()
        .filter(s -> s.text().contains(containing))
        .findFirst()
        .orElseThrow();
  }

  String benSaid(String containing) {
    return benMessage(containing).text();
  }

  /** What each mail to the address says (decoded), in order. */
  List<String> mailTo(String address) {
    return h.mail().to(address).stream()
        .map(m -> PeopleMail.subject(m) + "\n" + PeopleMail.text(m))
        .toList();
  }

  List<Delivered> messages(String recipient, String containing) {
    return h.deliveredTo(recipient).stream().filter(d -> d.says(containing)).toList();
  }

  boolean groupHeard(String group, String containing) {
    return !messages(group, containing).isEmpty();
  }

  boolean announced(String group) {
    return groupHeard(group, "Announcement from the coordinators");
  }

  List<Delivered> contactShares() {
    return h.delivered().stream().filter(d -> d.says(PrivacyAudit.CONTACT_SHARE)).toList();
  }

  void awaitOutboxEmpty() {
    Store store = h.store();
    Instant later = h.clock().instant().plus(Duration.ofDays(400));
    await()
        .until(
            () ->
                store.dueOutbox(Channel.EMAIL, later, 1).isEmpty()
                    && store.dueOutbox(Channel.TELEGRAM, later, 1).isEmpty()
                    && store.dueOutbox(Channel.SIGNAL, later, 1).isEmpty());
  }

  static final String FARTHER = "A need from farther away";

  /** How many farther-away announcements of the need the ring 0, 1 and 2 groups received. */
  void assertFartherCounts(Listing need, int gresham, int salem, int seattle) {
    awaitOutboxEmpty();
    assertThat(fartherCount(need, "email:" + GRESHAM_LIST)).as("Gresham").isEqualTo(gresham);
    assertThat(fartherCount(need, "telegram:" + TG_SALEM)).as("Salem").isEqualTo(salem);
    assertThat(fartherCount(need, "signal:" + EASTSIDE)).as("Seattle").isEqualTo(seattle);
  }

  long fartherCount(Listing need, String group) {
    return messages(group, FARTHER).stream().filter(d -> d.says(need.ref())).count();
  }

  double kmFromNeed(Listing need, Address group) {
    return h.store().subscriptionOf(group).orElseThrow().center().distanceKm(need.place());
  }

  /** The sends the fake daemon delivered to a Signal user, containing some words. */
  List<com.fasterxml.jackson.databind.JsonNode> signalTo(String uuid, String containing) {
    return h.signal().deliveredSends().stream()
        .filter(s -> uuid.equals(s.path("recipient").path(0).asText()))
        .filter(s -> s.path("message").asText().contains(containing))
        .toList();
  }

  static Address telegramGroup(long chat) {
    return Address.group(Channel.TELEGRAM, Long.toString(chat));
  }

  static Address signalPerson(String uuid) {
    return Address.person(Channel.SIGNAL, uuid);
  }

  static Address emailPerson(String address) {
    return Address.person(Channel.EMAIL, address);
  }
}
