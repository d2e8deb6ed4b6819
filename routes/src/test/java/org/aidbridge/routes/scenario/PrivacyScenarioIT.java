package org.aidbridge.routes.scenario;

import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_MAIL;
import static org.aidbridge.routes.scenario.CrossChannelHarness.COORDINATOR_TELEGRAM;
import static org.aidbridge.routes.scenario.CrossChannelHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.routes.telegram.Updates;
import org.junit.jupiter.api.Test;

/**
 * The privacy promise over one long day of the network, everything in one database: groups on all
 * three channels, a match relayed and shared by consent, an urgent need, a digest, a coordinator's
 * broadcast (after a forged one), renewal questions, and someone forgotten. Every message the test
 * servers received and every INFO log line is then read for every participant's phone number, email
 * address, Telegram id and username, and Signal uuid.
 */
class PrivacyScenarioIT extends CrossChannelScenarios {
  private static final List<String> GROUPS =
      List.of("telegram:" + TG_PORTLAND, "signal:" + NORTHSIDE, "email:" + LIST);

  @Test
  void noParticipantIsNamedOutsideTheirOwnMessagesOrTheConsentedContactShare() throws Exception {
    subscribeTelegramGroup(TG_PORTLAND, "Portland 50");
    h.mail().send(COORDINATOR_MAIL, "list", "subscribe " + LIST + " Portland 50\n" + SECRET);
    await().until(() -> h.store().subscriptionOf(Address.group(Channel.EMAIL, LIST)).isPresent());
    Pair pair = anaNeedsAndBenOffers();
    relayBothWaysAndShare(pair);

    h.signalText(ROSA, ROSA_NUMBER, "urgent: need 3 sleeping bags in Portland", null);
    await().until(() -> groupHeard("telegram:" + TG_PORTLAND, "Urgent need"));
    h.telegram()
        .queue(Updates.privateText(COORDINATOR_TELEGRAM, COORDINATOR_NAME, "en", "/digest"));
    await().until(() -> GROUPS.stream().allMatch(g -> groupHeard(g, "Open needs within")));
    h.mail().send(COORDINATOR_MAIL, "b", "broadcast all Forged meeting at the library, 6pm");
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("To be sure")));
    h.mail().send(COORDINATOR_MAIL, "b", "broadcast all Meeting at the library, 6pm\n" + SECRET);
    await().until(() -> mailTo(COORDINATOR_MAIL).stream().anyMatch(m -> m.contains("would go")));
    h.mail().send(COORDINATOR_MAIL, "go", "broadcast confirm " + SECRET);
    await().until(() -> GROUPS.stream().allMatch(this::announced));

    Listing rosaNeed = h.store().activeListingsOf(signalPerson(ROSA)).get(0);
    h.clock()
        .advance(
            Duration.between(
                h.clock().instant(), rosaNeed.expiresAt().minus(Duration.ofHours(20))));
    h.housekeeping();
    await().until(() -> !signalTo(ROSA, "still needed").isEmpty());
    h.signalText(ROSA, ROSA_NUMBER, "no", null);
    await().until(() -> !signalTo(ROSA, "Withdrew").isEmpty());

    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "/forget"));
    await().until(() -> telegramTo(BEN).stream().anyMatch(s -> s.text().contains("Shall I")));
    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "yes"));
    await().until(() -> telegramTo(BEN).stream().anyMatch(s -> s.text().contains("deleted")));
    awaitOutboxEmpty();
    h.housekeeping();
    for (String identifier : BEN_P.identifiers()) {
      assertThat(DatabaseScan.cellsContaining(h.database(), identifier)).as(identifier).isEmpty();
    }

    List<Delivered> delivered = h.delivered();
    assertThat(audit.leaksIn(delivered)).isEmpty();
    assertThat(audit.leaksIn(logs)).isEmpty();
    assertThat(audit.allowedSightings()).as("identifiers seen where they belong").isPositive();
    for (String group : GROUPS) {
      assertThat(h.deliveredTo(group)).as(group + " heard the day").hasSizeGreaterThanOrEqualTo(4);
    }
    assertThat(logs.lines()).as("INFO lines read").isNotEmpty();
  }

  private void relayBothWaysAndShare(Pair pair) throws Exception {
    h.mail().send(h.mail().answer(ANA, matchNotice(), "Can we meet at noon?"));
    await().until(() -> telegramTo(BEN).stream().anyMatch(s -> s.text().contains("at noon?")));
    int notice = benMessage("Good news").messageId();
    h.telegram().queue(Updates.privateReply(BEN, BEN_NAME, "Noon is fine", notice));
    await().until(() -> mailTo(ANA).stream().anyMatch(m -> m.contains("Noon is fine")));
    // In the thread of the bot's mail: the answer proves Ana reads that mailbox.
    h.mail().send(h.mail().answer(ANA, matchNotice(), "share " + pair.offer().ref()));
    h.telegram().queue(Updates.privateText(BEN, BEN_NAME, "en", "share " + pair.need().ref()));
    await().until(() -> contactShares().size() == 2);
    audit.consented(ANA_P, BEN_P);
  }
}
