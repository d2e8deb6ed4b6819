package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one rule for proof ({@link ProofPolicy}), through the whole bot: what a mail that proves
 * nothing may do, what it must confirm by answering, and what proves each side of a link.
 */
class ProofPolicyTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address COORDINATOR = Address.person(Channel.EMAIL, "coord@example.org");
  private static final Address ANA_TG = Address.person(Channel.TELEGRAM, "4242");
  private static final Address EVE_TG = Address.person(Channel.TELEGRAM, "6666");
  private static final Pattern CODE = Pattern.compile("link ([2-9A-Z]{6})");

  private final Store store = SqliteStore.open(":memory:");
  private final MutableClock clock = new MutableClock(NOW);
  private final BotService bot =
      Bots.create(store, BotSettings.DEFAULT.withCoordinators(Set.of(COORDINATOR)), clock);
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyCommandThatChangesOrSpeaksForAPersonNeedsTheirProof() {
    for (var name : org.aidbridge.bot.command.CommandName.values()) {
      ProofPolicy.Requirement needed = ProofPolicy.of(name);
      assertThat(ProofPolicy.allows(Proof.PLATFORM, needed)).as(name.name()).isTrue();
      assertThat(ProofPolicy.allows(Proof.MAILBOX_ANSWER, needed)).as(name.name()).isTrue();
      assertThat(ProofPolicy.allows(Proof.MAIL_SERVER, needed)).as(name.name()).isTrue();
    }
    for (var name :
        List.of("DONE", "WITHDRAW", "REPLY", "SHARE", "LINK", "UNLINK", "FORGET", "BROADCAST")) {
      ProofPolicy.Requirement needed =
          ProofPolicy.of(org.aidbridge.bot.command.CommandName.valueOf(name));
      assertThat(ProofPolicy.allows(Proof.NONE, needed)).as(name).isFalse();
    }
    assertThat(ProofPolicy.allows(Proof.COORDINATOR_SECRET, ProofPolicy.Requirement.PERSON))
        .as("the secret says a coordinator wrote, not which person")
        .isFalse();
    assertThat(ProofPolicy.allows(Proof.COORDINATOR_SECRET, ProofPolicy.Requirement.COORDINATOR))
        .isTrue();
  }

  @Test
  void anyoneMayPostANeedByMailAndTheAcknowledgementGoesToTheAddress() {
    List<OutboundMessage> out = bot.handle(mail(ANA, "need: insulin in Portland", Proof.NONE));

    assertThat(store.activeListingsOf(ANA)).hasSize(1);
    assertThat(out).extracting(OutboundMessage::to).containsOnly(ANA);
  }

  @Test
  void aForgedWithdrawIsNotRunButConfirmedByTheRealMailboxOwner() {
    Listing need = needOfAna();

    List<OutboundMessage> asked = bot.handle(mail(ANA, "withdraw " + need.ref(), Proof.NONE));

    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
    assertThat(asked).singleElement().satisfies(o -> assertThat(o.to()).isEqualTo(ANA));
    assertThat(asked.get(0).text()).contains("reply to this mail", "withdraw " + need.ref());
    String question = sent(ANA);

    List<OutboundMessage> done = bot.handle(answer(ANA, "yes, it was me", question));

    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.WITHDRAWN);
    assertThat(done).extracting(OutboundMessage::text).anyMatch(t -> t.contains("Withdrew"));
    assertThat(only(bot.handle(answer(ANA, "yes", question))).text())
        .as("a confirmation works once")
        .contains("no longer waiting");
  }

  @Test
  void anotherSenderAnsweringAConfirmationMailLeavesItForItsOwner() {
    Listing need = needOfAna();
    bot.handle(mail(ANA, "withdraw " + need.ref(), Proof.NONE));
    String question = sent(ANA);
    Address eve = Address.person(Channel.EMAIL, "eve@example.net");

    // Eve proves her own mailbox and answers in the thread of Ana's confirmation mail.
    assertThat(only(bot.handle(answer(eve, "no", question))).text()).contains("no longer waiting");

    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
    bot.handle(answer(ANA, "yes", question));
    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.WITHDRAWN);
  }

  @Test
  void theQuestionToConfirmIsAskedInThePersonsLanguage() {
    Listing need = needOfAna();

    assertThat(only(bot.handle(mail(ANA, "retirar " + need.ref(), Proof.NONE))).text())
        .contains("responde a este correo");
    assertThat(only(bot.handle(mail(ANA, "لغو " + need.ref(), Proof.NONE))).text())
        .contains("به این ایمیل پاسخ دهید");
    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
  }

  @Test
  void aNoToTheConfirmationCancelsAndAnOldOneHasExpired() {
    Listing need = needOfAna();
    bot.handle(mail(ANA, "done " + need.ref(), Proof.NONE));
    String first = sent(ANA);
    bot.handle(mail(ANA, "done " + need.ref(), Proof.NONE));
    String second = sent(ANA);

    assertThat(only(bot.handle(answer(ANA, "no", first))).text()).contains("Cancelled");
    clock.advance(Confirmations.LIFETIME.plus(Duration.ofMinutes(1)));
    assertThat(only(bot.handle(answer(ANA, "yes", second))).text()).contains("no longer waiting");

    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
  }

  @Test
  void aForgedForgetAndYesDeleteNothing() {
    needOfAna();

    bot.handle(mail(ANA, "forget", Proof.NONE));
    bot.handle(mail(ANA, "yes", Proof.NONE));
    bot.handle(mail(ANA, "forget confirm", Proof.NONE));

    assertThat(store.activeListingsOf(ANA)).hasSize(1);
    assertThat(store.dueOutbox(Channel.EMAIL, clock.instant(), 10))
        .extracting(e -> e.message().topic())
        .allMatch(t -> t.startsWith(Confirmations.TOPIC));
  }

  @Test
  void forgetConfirmInOneMessageAndForgetThenYesBothForget() {
    Address ben = Address.person(Channel.TELEGRAM, "777");
    bot.handle(InboundMessage.direct(ANA_TG, "t1", "need: insulin in Portland", NOW));
    bot.handle(InboundMessage.direct(ben, "t2", "need: rice in Portland", NOW));

    assertThat(only(bot.handle(InboundMessage.direct(ANA_TG, "t3", "forget confirm", NOW))).text())
        .contains("deleted");
    bot.handle(InboundMessage.direct(ben, "t4", "forget", NOW));
    assertThat(only(bot.handle(InboundMessage.direct(ben, "t5", "yes", NOW))).text())
        .contains("deleted");

    assertThat(store.activeListingsOf(ANA_TG)).isEmpty();
    assertThat(store.activeListingsOf(ben)).isEmpty();
  }

  @Test
  void theCoordinatorSecretRunsCoordinatorCommandsButProvesNoPerson() {
    assertThat(only(bot.handle(mail(COORDINATOR, "stats", Proof.COORDINATOR_SECRET))).text())
        .contains("Open needs");
    assertThat(only(bot.handle(mail(COORDINATOR, "stats", Proof.NONE))).text())
        .contains("reply to this mail")
        .doesNotContain("Open needs");

    Listing need = needOfAna();
    bot.handle(mail(ANA, "withdraw " + need.ref(), Proof.COORDINATOR_SECRET));
    assertThat(store.listingById(need.id()).orElseThrow().status()).isEqualTo(Status.OPEN);
  }

  @Test
  void aCodeTypedByMailWithAForgedFromLinksNothingAndMakesNoCoordinator() {
    String code = code(bot.handle(InboundMessage.direct(EVE_TG, "e1", "link", NOW)));

    List<OutboundMessage> out = bot.handle(mail(COORDINATOR, "link " + code, Proof.NONE));

    assertThat(out).singleElement().satisfies(o -> assertThat(o.to()).isEqualTo(COORDINATOR));
    assertThat(store.linkedWith(EVE_TG)).containsExactly(EVE_TG);
    assertThat(only(bot.handle(InboundMessage.direct(EVE_TG, "e2", "stats", NOW))).text())
        .isEqualTo("Only coordinators can do that.");
  }

  @Test
  void linkingAnAddressFromTelegramMailsItACodeTypedBackOnTelegram() {
    List<OutboundMessage> out =
        bot.handle(InboundMessage.direct(ANA_TG, "a1", "link email:Ana@example.org", NOW));

    OutboundMessage toMailbox = out.stream().filter(o -> o.to().equals(ANA)).findFirst().get();
    assertThat(out).extracting(OutboundMessage::to).containsExactlyInAnyOrder(ANA_TG, ANA);
    assertThat(out.get(0).text()).doesNotContainPattern(CODE);
    String code = code(List.of(toMailbox));
    assertThat(only(bot.handle(InboundMessage.direct(EVE_TG, "e1", "link " + code, NOW))).text())
        .as("only who asked may type it back")
        .contains("unknown");
    String again =
        code(
            bot
                .handle(InboundMessage.direct(ANA_TG, "a2", "link email:ana@example.org", NOW))
                .stream()
                .filter(o -> o.to().equals(ANA))
                .toList());

    bot.handle(InboundMessage.direct(ANA_TG, "a3", "link " + again, NOW));

    assertThat(store.linkedWith(ANA_TG)).containsExactlyInAnyOrder(ANA_TG, ANA);
  }

  @Test
  void answeringTheCodeMailFinishesTheLinkToo() {
    bot.handle(InboundMessage.direct(ANA_TG, "a1", "link ana@example.org", NOW));
    String codeMail = sent(ANA);

    bot.handle(answer(ANA, "that was me", codeMail));

    assertThat(store.linkedWith(ANA)).containsExactlyInAnyOrder(ANA_TG, ANA);
  }

  @Test
  void linkingTelegramFromMailSendsTheCodeToTelegramAndTheMailTypesItBack() {
    List<OutboundMessage> out = bot.handle(mail(ANA, "link telegram:4242", Proof.MAIL_SERVER));
    String code = code(out.stream().filter(o -> o.to().equals(ANA_TG)).toList());

    bot.handle(mail(ANA, "link " + code, Proof.MAIL_SERVER));

    assertThat(store.linkedWith(ANA)).containsExactlyInAnyOrder(ANA_TG, ANA);
    assertThat(only(bot.handle(mail(ANA, "link telegram:abc", Proof.MAIL_SERVER))).text())
        .contains("link email:");
  }

  @Test
  void aCoordinatorsIdentityLinkedOnBothSidesIsACoordinator() {
    bot.handle(mail(COORDINATOR, "link telegram:4242", Proof.MAILBOX_ANSWER));
    String code =
        code(
            store.dueOutbox(Channel.TELEGRAM, NOW, 10).stream().map(OutboxEntry::message).toList());
    bot.handle(mail(COORDINATOR, "link " + code, Proof.MAILBOX_ANSWER));

    assertThat(only(bot.handle(InboundMessage.direct(ANA_TG, "s1", "stats", NOW))).text())
        .contains("Open needs");
  }

  private Listing needOfAna() {
    bot.handle(mail(ANA, "need: insulin in Portland", Proof.NONE));
    sent(ANA);
    return store.activeListingsOf(ANA).get(0);
  }

  /** Marks every mail due to {@code to} sent, as the email channel would; the last one's id. */
  private String sent(Address to) {
    String last = null;
    for (OutboxEntry e : store.dueOutbox(Channel.EMAIL, clock.instant(), 100)) {
      if (e.message().to().equals(to)) {
        last = "sent-" + e.id() + "@bot";
        store.markSent(e.id(), last, clock.instant());
      }
    }
    return last;
  }

  private InboundMessage mail(Address from, String text, Proof proof) {
    return InboundMessage.direct(from, "m" + ids.incrementAndGet(), text, clock.instant())
        .withProof(proof);
  }

  /** An answer to a mail the bot sent to this address: the email channel proves it by its token. */
  private InboundMessage answer(Address from, String text, String answered) {
    return new InboundMessage(
            Channel.EMAIL,
            "m" + ids.incrementAndGet(),
            from,
            null,
            text,
            "Re: AidBridge",
            null,
            answered,
            true,
            false,
            clock.instant())
        .withProof(Proof.MAILBOX_ANSWER);
  }

  private static String code(List<OutboundMessage> out) {
    Matcher m = CODE.matcher(out.get(0).text());
    if (!m.find()) {
      m = Pattern.compile("code is ([2-9A-Z]{6})").matcher(out.get(0).text());
      assertThat(m.find()).as(out.get(0).text()).isTrue();
    }
    return m.group(1);
  }

  private static OutboundMessage only(List<OutboundMessage> out) {
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
