package org.aidbridge.routes.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalEnvelopeTranslatorTest {
  private static final String BOT = "+15550001111";
  private static final String ROSA = "7ccae375-cd51-4c82-8b1e-7be3280aa485";
  private static final String LEE = "5d2e8a10-3b7c-4e1a-9f00-aa11bb22cc33";
  private static final String GROUP = "sb3/B9ivar+24qa83boax=";

  private final SignalEnvelopeTranslator translator =
      new SignalEnvelopeTranslator(BOT, timestamp -> timestamp.equals("1745372399999"));

  private Optional<InboundMessage> translate(String fixture) {
    return translator.translate(SignalFixtures.receiveParams(fixture));
  }

  @Test
  void directTextMessageIsKeyedOnTheSendersUuidAndTimestamp() {
    InboundMessage m = translate("receive-direct.json").orElseThrow();

    assertThat(m.channel()).isEqualTo(Channel.SIGNAL);
    assertThat(m.channelMessageId()).isEqualTo(ROSA + ":1745372301011");
    assertThat(m.sender()).isEqualTo(Address.person(Channel.SIGNAL, ROSA));
    assertThat(m.group()).isNull();
    assertThat(m.text()).isEqualTo("need 2 bags of rice in Portland");
    assertThat(m.addressedToBot()).isTrue();
    assertThat(m.replyTo()).isNull();
    assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochMilli(1745372299830L));
  }

  @Test
  void senderWithHiddenNumberIsStillKnownByUuid() {
    InboundMessage m = translate("receive-direct-number-hidden.json").orElseThrow();

    assertThat(m.sender().id()).isEqualTo("0b9a4f1e-6f7e-4bde-9a43-3c1f0f1d2e55");
    assertThat(m.text()).isEqualTo("offer: rides to the clinic, Portland");
  }

  @Test
  void manPageExampleWithoutAccountIsRead() {
    InboundMessage m = translate("receive-direct-man-page.json").orElseThrow();

    assertThat(m.channelMessageId()).isEqualTo("uuid:1631458508784");
    assertThat(m.text()).isEqualTo("foobar");
  }

  @Test
  void manualModeSubscriptionShapeIsUnwrapped() {
    InboundMessage m = translate("receive-manual-mode.json").orElseThrow();

    assertThat(m.channelMessageId()).isEqualTo(ROSA + ":1693064367769");
    assertThat(m.text()).isEqualTo("list");
  }

  @Test
  void groupChatterIsStoredButNotAddressedToTheBot() {
    InboundMessage m = translate("receive-group-chatter.json").orElseThrow();

    assertThat(m.group()).isEqualTo(Address.group(Channel.SIGNAL, GROUP));
    assertThat(m.sender()).isEqualTo(Address.person(Channel.SIGNAL, LEE));
    assertThat(m.addressedToBot()).isFalse();
  }

  @Test
  void groupMessageStartingWithASlashIsACommandForTheBot() {
    InboundMessage m = translate("receive-group-command.json").orElseThrow();

    assertThat(m.text()).isEqualTo("/subscribe Portland 50");
    assertThat(m.addressedToBot()).isTrue();
  }

  @Test
  void mentionOfTheBotAddressesItAndLeavesTheWordsAround() {
    InboundMessage m = translate("receive-group-mention.json").orElseThrow();

    assertThat(m.addressedToBot()).isTrue();
    assertThat(m.text()).isEqualTo("status");
  }

  @Test
  void quoteOfABotMessageIsAReplyToItsTimestamp() {
    InboundMessage m = translate("receive-group-quote.json").orElseThrow();

    assertThat(m.replyTo()).isEqualTo("1745372301999");
    assertThat(m.addressedToBot()).isTrue();
  }

  @Test
  void quoteOfAMessageTheBotSentIsRecognisedWithoutTheBotsNumber() {
    SignalEnvelopeTranslator withoutNumber =
        new SignalEnvelopeTranslator(null, timestamp -> timestamp.equals("1745372301999"));
    InboundMessage m =
        withoutNumber
            .translate(SignalFixtures.receiveParams("receive-group-quote.json"))
            .orElseThrow();

    assertThat(m.addressedToBot()).isTrue();
  }

  @Test
  void messageForAnotherAccountOfTheSameDaemonIsIgnored() {
    assertThat(translate("receive-other-account.json")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "receive-typing.json",
        "receive-receipt.json",
        "receive-reaction.json",
        "receive-group-update.json",
        "receive-sync-sent.json",
        "receive-manual-mode-sync.json",
        "receive-call.json"
      })
  void envelopesWithoutTextAreIgnored(String fixture) {
    assertThat(translate(fixture)).isEmpty();
  }

  @Test
  void aStoredNotificationIsTheSendersByUuidOrNumberAndNoOneElses() {
    String fromRosa = SignalEnvelopes.text(1, ROSA, "+15550002222", "need rice", null).toString();

    assertThat(SignalEnvelopeTranslator.sentBy(fromRosa, ROSA)).isTrue();
    assertThat(SignalEnvelopeTranslator.sentBy(fromRosa, "+15550002222")).isTrue();
    assertThat(SignalEnvelopeTranslator.sentBy(fromRosa, LEE)).isFalse();
    assertThat(SignalEnvelopeTranslator.sentBy(fromRosa, "+1555000222")).isFalse();
    assertThat(SignalEnvelopeTranslator.sentBy("{not json", ROSA)).isFalse();
  }
}
