package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two matched people talk through the bot and swap contacts only by mutual consent. */
class RelayTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.SIGNAL, "5b0c-uuid-ben");
  private static final Address EVE = Address.person(Channel.TELEGRAM, "666");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot =
      Bots.create(store, BotSettings.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicInteger ids = new AtomicInteger();
  private Listing need;
  private Listing offer;

  @BeforeEach
  void match() {
    bot.handle(say(ANA, "need: insulin in Portland"));
    bot.handle(say(BEN, "offer: insulin in Portland"));
    need = store.activeListingsOf(ANA).get(0);
    offer = store.activeListingsOf(BEN).get(0);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void replyByEitherReferenceReachesTheOtherPersonWithoutTheSendersAddress() {
    OutboundMessage toBen =
        only(bot.handle(say(ANA, "reply " + offer.ref() + " Can you come at 6?")));
    OutboundMessage toAna = only(bot.handle(say(BEN, "/reply " + offer.ref() + " Yes, 6 works")));

    assertThat(toBen.to()).isEqualTo(BEN);
    assertThat(toBen.text()).contains("Can you come at 6?").doesNotContain(ANA.id());
    assertThat(toAna.to()).isEqualTo(ANA);
    assertThat(toAna.text()).contains("Yes, 6 works").doesNotContain(BEN.id());
    assertThat(toAna.subject()).isEqualTo("Message about " + need.ref());
  }

  /**
   * U+202E (right-to-left override) makes "I paid 001$" display as "I paid $100"; an isolate and a
   * mark hide a second order the same way. The other person must see what was written.
   */
  @Test
  void aRelayedMessageCannotDisguiseWhatItSaysWithBidirectionalControls() {
    OutboundMessage toBen =
        only(
            bot.handle(
                say(
                    ANA,
                    "reply "
                        + offer.ref()
                        + " I paid \u202E001$\u202C, pick up at \u2067Elm St\u2069\u200F now")));

    assertThat(toBen.to()).isEqualTo(BEN);
    assertThat(toBen.text())
        .contains("I paid 001$, pick up at Elm St now")
        .doesNotContainPattern("[\u202A-\u202E\u2066-\u2069\u200E\u200F]");
  }

  @Test
  void aListingAnnouncedToAGroupCarriesNoBidirectionalControls() {
    Address group = Address.group(Channel.TELEGRAM, "-100777");
    bot.handle(
        new InboundMessage(
            Channel.TELEGRAM,
            "g" + ids.incrementAndGet(),
            Address.person(Channel.TELEGRAM, "42"),
            group,
            "/subscribe Portland",
            null,
            null,
            null,
            true,
            true,
            NOW));

    List<OutboundMessage> out =
        bot.handle(say(EVE, "need urgent: insulin \u202Eeteled\u202C in Portland today"));

    assertThat(out).filteredOn(o -> o.to().equals(group)).isNotEmpty();
    assertThat(out).allSatisfy(o -> assertThat(o.text()).doesNotContain("\u202E", "\u202C"));
    assertThat(store.activeListingsOf(EVE).get(0).text()).doesNotContain("\u202E");
  }

  @Test
  void someoneOutsideTheMatchCannotWriteThroughIt() {
    OutboundMessage answer = only(bot.handle(say(EVE, "reply " + offer.ref() + " hello")));

    assertThat(answer.to()).isEqualTo(EVE);
    assertThat(answer.text()).contains("cannot find");
  }

  @Test
  void contactDetailsPassOnlyOnceBothAgree() {
    OutboundMessage waiting = only(bot.handle(say(ANA, "share " + offer.ref())));
    assertThat(waiting.to()).isEqualTo(ANA);
    assertThat(waiting.text()).doesNotContain(BEN.id());

    List<OutboundMessage> swapped = bot.handle(say(BEN, "share " + need.ref()));

    assertThat(swapped).hasSize(2);
    assertThat(swapped)
        .filteredOn(o -> o.to().equals(ANA))
        .singleElement()
        .satisfies(o -> assertThat(o.text()).contains(BEN.id()));
    assertThat(swapped)
        .filteredOn(o -> o.to().equals(BEN))
        .singleElement()
        .satisfies(o -> assertThat(o.text()).contains(ANA.id()));
    assertThat(only(bot.handle(say(BEN, "share " + need.ref()))).text()).contains("already");
  }

  @Test
  void relayingStopsWhenAListingIsClosed() {
    bot.handle(say(ANA, "done " + need.ref()));

    OutboundMessage answer = only(bot.handle(say(BEN, "reply " + need.ref() + " still need it?")));

    assertThat(answer.to()).isEqualTo(BEN);
    assertThat(answer.text()).contains("closed");
  }

  @Test
  void relayingIsRateLimitedPerPerson() {
    for (int i = 0; i < Relay.MAX_RELAYS_PER_HOUR; i++) {
      assertThat(only(bot.handle(say(ANA, "reply " + offer.ref() + " message " + i))).to())
          .isEqualTo(BEN);
    }
    OutboundMessage refused = only(bot.handle(say(ANA, "reply " + offer.ref() + " one more")));
    assertThat(refused.to()).isEqualTo(ANA);
    assertThat(refused.text()).contains("many messages");
  }

  private InboundMessage say(Address from, String text) {
    // Mail here comes vouched for by its server (DKIM): what unproven mail may do is in
    // ProofPolicyTest.
    return InboundMessage.direct(from, "r" + ids.incrementAndGet(), text, NOW)
        .withProof(from.channel() == Channel.EMAIL ? Proof.MAIL_SERVER : Proof.PLATFORM);
  }

  private static OutboundMessage only(List<OutboundMessage> out) {
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
