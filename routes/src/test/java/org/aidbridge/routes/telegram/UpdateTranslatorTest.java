package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.Test;

class UpdateTranslatorTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final long GROUP = -1001225890715L;

  private final List<String> adminQuestions = new ArrayList<>();
  private final UpdateTranslator translator =
      new UpdateTranslator(
          new BotIdentity(FakeBotApi.BOT_ID, FakeBotApi.BOT_USERNAME),
          (chat, user) -> {
            adminQuestions.add(chat + "/" + user);
            return user == 51122L;
          },
          new MutableClock(NOW));

  private InboundMessage inbound(String fixture) {
    TelegramEvent event = translator.translate(Fixtures.update(fixture));
    assertThat(event).isInstanceOf(TelegramEvent.Inbound.class);
    return ((TelegramEvent.Inbound) event).message();
  }

  @Test
  void privateCommandBecomesADirectMessageFromThePerson() {
    InboundMessage m = inbound("private-start.json");

    assertThat(m.channel()).isEqualTo(Channel.TELEGRAM);
    assertThat(m.channelMessageId()).isEqualTo("65331110/42234:1");
    assertThat(m.sender()).isEqualTo(Address.person(Channel.TELEGRAM, "42234"));
    assertThat(m.group()).isNull();
    assertThat(m.text()).isEqualTo("/start");
    assertThat(m.languageHint()).isEqualTo("es");
    assertThat(m.addressedToBot()).isTrue();
    assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochSecond(1528706565));
    assertThat(adminQuestions).isEmpty();
  }

  @Test
  void privateFreeTextKeepsItsWordsAndLanguage() {
    InboundMessage m = inbound("private-text.json");

    assertThat(m.text()).isEqualTo("Necesito pañales para bebé en Portland");
    assertThat(m.languageHint()).isEqualTo("es");
    assertThat(m.replyTo()).isNull();
  }

  @Test
  void replyToTheBotsMessageTiesBackByChatAndMessageId() {
    InboundMessage m = inbound("private-reply-to-bot.json");

    assertThat(m.replyTo()).isEqualTo("42234:4");
    assertThat(m.text()).isEqualTo("medicine");
  }

  @Test
  void groupCommandForThisBotIsNormalisedAndChecksTheAdmin() {
    InboundMessage m = inbound("group-command-addressed.json");

    assertThat(m.text()).isEqualTo("/subscribe Portland 50");
    assertThat(m.group()).isEqualTo(Address.group(Channel.TELEGRAM, Long.toString(GROUP)));
    assertThat(m.sender()).isEqualTo(Address.person(Channel.TELEGRAM, "51122"));
    assertThat(m.addressedToBot()).isTrue();
    assertThat(m.senderIsGroupAdmin()).isTrue();
    assertThat(adminQuestions).containsExactly(GROUP + "/51122");
  }

  @Test
  void groupCommandForAnotherBotIsIgnored() {
    TelegramEvent event = translator.translate(Fixtures.update("group-command-other-bot.json"));

    assertThat(event).isInstanceOf(TelegramEvent.Ignored.class);
  }

  @Test
  void mentionIsAddressedToTheBotAndTakenOutOfTheText() {
    InboundMessage m = inbound("group-mention.json");

    assertThat(m.addressedToBot()).isTrue();
    assertThat(m.text()).isEqualTo("need 2 sleeping bags near Alberta St");
    assertThat(m.senderIsGroupAdmin()).isFalse();
    assertThat(adminQuestions).as("only group commands ask who is admin").isEmpty();
  }

  @Test
  void replyToTheBotInAGroupIsAddressedToIt() {
    InboundMessage m = inbound("group-reply-to-bot.json");

    assertThat(m.addressedToBot()).isTrue();
    assertThat(m.replyTo()).isEqualTo(GROUP + ":314");
  }

  @Test
  void groupChatterReachesTheCoreAsNotAddressed() {
    InboundMessage m = inbound("group-chatter.json");

    assertThat(m.addressedToBot()).isFalse();
    assertThat(m.inGroup()).isTrue();
    assertThat(m.text()).isEqualTo("see you all at the meeting tonight!");
  }

  @Test
  void buttonPressBecomesItsDataAsAnAnswerToTheMessageItWasUnder() {
    TelegramEvent event = translator.translate(Fixtures.update("callback-query.json"));

    TelegramEvent.Inbound inbound = (TelegramEvent.Inbound) event;
    assertThat(inbound.callbackQueryId()).isEqualTo("4382bfdwdsb323b2d9");
    assertThat(inbound.message().text()).isEqualTo("medicine");
    assertThat(inbound.message().replyTo()).isEqualTo("42234:4");
    assertThat(inbound.message().sender()).isEqualTo(Address.person(Channel.TELEGRAM, "42234"));
    assertThat(inbound.message().channelMessageId()).isEqualTo("65331130/4382bfdwdsb323b2d9");
    assertThat(inbound.message().receivedAt()).isEqualTo(NOW);
  }

  @Test
  void botAddedToAGroupAsksTheCoreToIntroduceItself() {
    TelegramEvent event = translator.translate(Fixtures.update("my-chat-member-added.json"));

    TelegramEvent.AddedToGroup added = (TelegramEvent.AddedToGroup) event;
    InboundMessage m = added.introduction();
    assertThat(added.group()).isEqualTo(Address.group(Channel.TELEGRAM, Long.toString(GROUP)));
    assertThat(m.sender()).isEqualTo(Address.person(Channel.TELEGRAM, "51122"));
    assertThat(m.channelMessageId()).startsWith("65331140/" + GROUP + ":");

    assertThat(m.text()).isEqualTo(UpdateTranslator.ADDED_TO_GROUP_TEXT).isEqualTo("/start");
    assertThat(m.group()).isEqualTo(Address.group(Channel.TELEGRAM, Long.toString(GROUP)));
    assertThat(m.addressedToBot()).isTrue();
  }

  @Test
  void botRemovedFromAGroupMakesTheGroupUnreachable() {
    TelegramEvent event = translator.translate(Fixtures.update("my-chat-member-removed.json"));

    assertThat(event)
        .isEqualTo(
            new TelegramEvent.Reachability(
                Address.group(Channel.TELEGRAM, Long.toString(GROUP)), false));
  }

  @Test
  void personBlockingTheBotMakesThemUnreachable() {
    TelegramEvent event = translator.translate(Fixtures.update("my-chat-member-blocked.json"));

    assertThat(event)
        .isEqualTo(
            new TelegramEvent.Reachability(Address.person(Channel.TELEGRAM, "42234"), false));
  }

  @Test
  void groupUpgradedToSupergroupMovesToItsNewId() {
    TelegramEvent event = translator.translate(Fixtures.update("migrate-to-supergroup.json"));

    assertThat(event)
        .isEqualTo(
            new TelegramEvent.GroupMoved(
                Address.group(Channel.TELEGRAM, "-4012345678"),
                Address.group(Channel.TELEGRAM, "-1002233445566")));
  }

  @Test
  void editsAndChannelPostsAreIgnored() {
    assertThat(translator.translate(Fixtures.update("edited-message.json")))
        .isInstanceOf(TelegramEvent.Ignored.class);
    assertThat(translator.translate(Fixtures.update("channel-post.json")))
        .isInstanceOf(TelegramEvent.Ignored.class);
  }

  @Test
  void aStoredUpdateIsItsSendersWhateverItCarriesAndNoOneElses() {
    String text = Updates.privateText(4242, "ana", "en", "need rice").toString();
    String button = Updates.button(4242, "yes", 7).toString();

    assertThat(TelegramChannel.sentBy(text, "4242")).isTrue();
    assertThat(TelegramChannel.sentBy(button, "4242")).isTrue();
    assertThat(TelegramChannel.sentBy(text, "424")).isFalse();
    assertThat(TelegramChannel.sentBy(Updates.botRemoved(-4242).toString(), "4242")).isFalse();
    assertThat(TelegramChannel.sentBy("[1,", "4242")).isFalse();
  }
}
