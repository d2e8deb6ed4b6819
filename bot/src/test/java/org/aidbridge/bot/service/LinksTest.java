package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One person on two channels, linked by a one-time code. */
class LinksTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address MAIL = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address PHONE = Address.person(Channel.SIGNAL, "5b0c-uuid-ana");
  private static final Pattern CODE = Pattern.compile("code is ([2-9A-Z]{6})");

  private final Store store = SqliteStore.open(":memory:");
  private final MutableClock clock = new MutableClock(NOW);
  private final BotService bot = Bots.create(store, BotSettings.DEFAULT, clock);
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCodeFromOneChannelSentFromAnotherLinksThemAndListingsFollow() {
    bot.handle(say(MAIL, "need: insulin in Portland"));
    String code = codeFrom(bot.handle(say(MAIL, "link")));

    List<OutboundMessage> linked = bot.handle(say(PHONE, "link " + code));

    assertThat(linked).extracting(OutboundMessage::to).containsExactlyInAnyOrder(PHONE, MAIL);
    String ref = store.activeListingsOf(MAIL).get(0).ref();
    assertThat(only(bot.handle(say(PHONE, "list"))).text()).contains(ref);
    assertThat(only(bot.handle(say(PHONE, "done " + ref))).text()).contains("Closed " + ref);
  }

  @Test
  void aCodeWorksOnceAndNotAfterFifteenMinutes() {
    String code = codeFrom(bot.handle(say(MAIL, "link")));
    clock.advance(Links.CODE_LIFETIME.plus(Duration.ofSeconds(1)));

    assertThat(only(bot.handle(say(PHONE, "link " + code))).text()).contains("expired");
    assertThat(store.linkedWith(PHONE)).containsExactly(PHONE);

    String fresh = codeFrom(bot.handle(say(MAIL, "link")));
    bot.handle(say(PHONE, "link " + fresh));
    Address third = Address.person(Channel.TELEGRAM, "42");
    assertThat(only(bot.handle(say(third, "link " + fresh))).text()).contains("expired");
  }

  @Test
  void unlinkSeparatesTheIdentitiesAgain() {
    String code = codeFrom(bot.handle(say(MAIL, "link")));
    bot.handle(say(PHONE, "link " + code));

    assertThat(only(bot.handle(say(PHONE, "unlink"))).text()).contains("Unlinked");

    assertThat(store.linkedWith(MAIL)).containsExactly(MAIL);
  }

  @Test
  void noCodeIsGivenInAGroup() {
    InboundMessage inGroup =
        new InboundMessage(
            Channel.SIGNAL,
            "g1",
            PHONE,
            Address.group(Channel.SIGNAL, "grp="),
            "/link",
            null,
            null,
            null,
            true,
            false,
            NOW);

    assertThat(only(bot.handle(inGroup)).text())
        .contains("private chat")
        .doesNotContainPattern(CODE);
  }

  @Test
  void aSenderTryingCodesIsStoppedBeforeFindingOneAndTheStopUsesNoCodeUp() {
    String code = codeFrom(bot.handle(say(MAIL, "link")));
    Address eve = Address.person(Channel.TELEGRAM, "6660001");
    List<String> wrong = List.of("222222", "333333", "444444", "555555", "666666");
    assertThat(wrong).doesNotContain(code);

    for (String guess : wrong) {
      assertThat(only(bot.handle(say(eve, "link " + guess))).text()).contains("unknown");
    }
    assertThat(only(bot.handle(say(eve, "link " + code))).text()).contains("Too many wrong codes");

    assertThat(store.linkedWith(eve)).containsExactly(eve);
    assertThat(bot.handle(say(PHONE, "link " + code)))
        .extracting(OutboundMessage::to)
        .containsExactlyInAnyOrder(PHONE, MAIL);
    clock.advance(Links.CODE_LIFETIME);
    assertThat(only(bot.handle(say(eve, "link 777777"))).text()).contains("unknown");
  }

  @Test
  void manySendersTogetherMayTryOnlySoManyCodes() {
    String code = codeFrom(bot.handle(say(MAIL, "link")));
    for (int i = 0; i < LinkCodeGuesses.IN_TOTAL; i++) {
      Address forger = Address.person(Channel.EMAIL, "forger" + i + "@example.net");
      bot.handle(say(forger, code.equals("222222") ? "link 333333" : "link 222222"));
    }

    assertThat(only(bot.handle(say(PHONE, "link " + code))).text())
        .contains("Too many wrong codes");
    assertThat(store.linkedWith(PHONE)).containsExactly(PHONE);
  }

  @Test
  void quotingAnothersCodeMessageUsesNothingUpAndCountsAsAWrongCode() {
    Address rosa = Address.person(Channel.SIGNAL, "7ccae375-cd51-4c82-8b1e-7be3280aa485");
    Address eve = Address.person(Channel.SIGNAL, "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33");
    bot.handle(say(MAIL, "link signal:" + rosa.id()));
    String codeMessage = sentOnSignal(rosa);

    // On Signal a quote names only the timestamp: Eve guessed the one of Rosa's code message.
    assertThat(only(bot.handle(quoting(eve, codeMessage))).text()).contains("unknown");
    for (int i = 1; i < LinkCodeGuesses.PER_SENDER; i++) {
      bot.handle(quoting(eve, codeMessage));
    }
    assertThat(only(bot.handle(quoting(eve, codeMessage))).text()).contains("Too many wrong codes");

    assertThat(bot.handle(quoting(rosa, codeMessage)))
        .extracting(OutboundMessage::to)
        .containsExactlyInAnyOrder(rosa, MAIL);
    assertThat(store.linkedWith(MAIL)).containsExactlyInAnyOrder(MAIL, rosa);
    assertThat(store.linkedWith(eve)).containsExactly(eve);
  }

  @Test
  void aCodeSentToAnotherIdentityTypedByAStrangerStaysForItsRequester() {
    Address eve = Address.person(Channel.TELEGRAM, "6660001");
    bot.handle(say(PHONE, "link email:" + MAIL.id()));
    OutboxEntry codeMail = store.dueOutbox(Channel.EMAIL, NOW, 10).get(0);
    Matcher m = Pattern.compile("link ([2-9A-Z]{6})").matcher(codeMail.message().text());
    assertThat(m.find()).isTrue();

    assertThat(only(bot.handle(say(eve, "link " + m.group(1)))).text()).contains("unknown");

    assertThat(bot.handle(say(PHONE, "link " + m.group(1))))
        .extracting(OutboundMessage::to)
        .containsExactlyInAnyOrder(PHONE, MAIL);
  }

  /** Marks the Signal messages due to {@code to} sent, as the channel would; the last one's id. */
  private String sentOnSignal(Address to) {
    String last = null;
    for (OutboxEntry e : store.dueOutbox(Channel.SIGNAL, clock.instant(), 100)) {
      if (e.message().to().equals(to)) {
        last = String.valueOf(1_700_000_000_000L + e.id());
        store.markSent(e.id(), last, clock.instant());
      }
    }
    return last;
  }

  private InboundMessage quoting(Address from, String quoted) {
    return new InboundMessage(
        Channel.SIGNAL,
        "q" + ids.incrementAndGet(),
        from,
        null,
        "ok",
        null,
        null,
        quoted,
        true,
        false,
        clock.instant());
  }

  private static String codeFrom(List<OutboundMessage> out) {
    Matcher m = CODE.matcher(only(out).text());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private InboundMessage say(Address from, String text) {
    // Mail here comes vouched for by its server (DKIM): what unproven mail may do is in
    // ProofPolicyTest.
    return InboundMessage.direct(from, "l" + ids.incrementAndGet(), text, clock.instant())
        .withProof(from.channel() == Channel.EMAIL ? Proof.MAIL_SERVER : Proof.PLATFORM);
  }

  private static OutboundMessage only(List<OutboundMessage> out) {
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
