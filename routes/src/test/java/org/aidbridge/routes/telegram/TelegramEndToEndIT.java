package org.aidbridge.routes.telegram;

import static org.aidbridge.routes.telegram.TelegramWorld.eventually;
import static org.aidbridge.routes.telegram.TelegramWorld.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AidBridge with the Telegram channel against the fake Bot API, through the real TelegramBots
 * client, Camel routes, core and SQLite store.
 */
class TelegramEndToEndIT {
  private static final long ANA = 1111001;
  private static final String ANA_NAME = "ana_private";
  private static final long BEN = 2222002;
  private static final String BEN_NAME = "ben_private";
  private static final long ADMIN = 51122;
  private static final long GROUP = -1001225890715L;

  @RegisterExtension final TelegramWorld world = new TelegramWorld();
  private FakeBotApi api;
  private TelegramBotProcess bot;

  @BeforeEach
  void start() {
    api = world.api();
    bot = world.bot();
  }

  private static Address group(long id) {
    return Address.group(Channel.TELEGRAM, Long.toString(id));
  }

  private void awaitSent(long chatId, int count) {
    eventually().until(() -> api.sentTo(chatId).size() >= count);
  }

  @Test
  void aPrivateTextLongerThanTheBotReadsIsAnsweredOnceWithAShortNoteInTheirLanguage() {
    StringBuilder text = new StringBuilder("necesito insulina en Portland, urgente\n");
    while (text.length() < 100_000) {
      text.append("linea ").append(text.length()).append(" sin importancia\n");
    }
    api.queue(Updates.privateText(ANA, ANA_NAME, "es", text.toString()));

    awaitSent(ANA, 1);

    assertThat(api.sentTo(ANA))
        .filteredOn(s -> s.text().contains("solo leí la primera parte"))
        .hasSize(1);
  }

  @Test
  void aFileSentPrivatelyGetsOneShortNoteInTheirLanguageAndAGroupHearsNothingOfIt() {
    api.queue(Updates.privatePhoto(ANA, ANA_NAME, "es", null));
    api.queue(Updates.privatePhoto(BEN, BEN_NAME, "en", "need insulin in Portland"));
    api.queue(Updates.groupDocument(GROUP, 61233, "sam", "/help@" + FakeBotApi.BOT_USERNAME));
    int last = api.queue(Updates.privateVoice(BEN, BEN_NAME, "en"));

    eventually()
        .until(
            () ->
                bot.store
                        .state(UpdateOffset.STATE_KEY)
                        .orElse("")
                        .equals(Integer.toString(last + 1))
                    && bot.store.dueInbound(java.time.Instant.now(), 1).isEmpty()
                    && api.sentTo(ANA).size() >= 1
                    && api.sentTo(BEN).size() >= 2
                    && api.sentTo(GROUP).size() >= 1);

    assertThat(api.sentTo(ANA))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).startsWith("Solo puedo leer texto"));
    assertThat(api.sentTo(BEN))
        .filteredOn(s -> s.text().contains("I did not open what you attached"))
        .hasSize(2);
    assertThat(bot.store.activeListingsOf(person(BEN))).hasSize(1);
    assertThat(api.sentTo(GROUP)).noneMatch(s -> s.text().contains("attached"));
  }

  @Test
  void atStartTheBotIdentifiesItselfAndRegistersItsCommands() {
    eventually().until(() -> api.requests("getUpdates").size() >= 1);

    assertThat(api.requests("deleteWebhook")).hasSize(1);
    assertThat(api.requests("getMe")).hasSize(1);
    assertThat(api.requests("setMyCommands"))
        .hasSize(6)
        .extracting(r -> r.body().at("/scope/type").asText())
        .containsOnly("all_private_chats", "all_group_chats");
  }

  @Test
  void needAndOfferFromTwoPeopleReachBothAndTheSubscribedGroupWithNoIdentity() {
    api.setStatus(GROUP, ADMIN, "administrator");
    api.queue(Updates.botAdded(GROUP, ADMIN));
    api.queue(
        Updates.groupText(GROUP, ADMIN, "ana_organizes", "/subscribe@AidBridgeBot Portland 50"));
    awaitSent(GROUP, 2);
    assertThat(api.sentTo(GROUP).get(0).text()).startsWith("Hello, I am AidBridge");
    assertThat(api.sentTo(GROUP).get(1).text()).contains("50 km of Portland");

    api.queue(Updates.privateText(ANA, ANA_NAME, "en", "I need insulin in Portland"));
    awaitSent(ANA, 1);
    api.queue(Updates.privateText(BEN, BEN_NAME, "en", "I can give insulin in Portland"));
    awaitSent(ANA, 2);
    awaitSent(BEN, 2);
    awaitSent(GROUP, 3);

    Listing need = bot.store.activeListingsOf(person(ANA)).get(0);
    Listing offer = bot.store.activeListingsOf(person(BEN)).get(0);
    assertThat(api.sentTo(ANA).get(1).text()).contains(need.ref(), offer.ref());
    assertThat(api.sentTo(BEN).get(1).text()).contains(need.ref(), offer.ref());
    assertThat(api.sentTo(GROUP).get(2).text()).contains(need.ref());
    assertNoIdentityOf(ANA, ANA_NAME, api.sentTo(BEN), api.sentTo(GROUP));
    assertNoIdentityOf(BEN, BEN_NAME, api.sentTo(ANA), api.sentTo(GROUP));

    // Ben answers the match notice; Ana receives his words, still without his identity.
    int notice = api.sentTo(BEN).get(1).messageId();
    api.queue(Updates.privateReply(BEN, BEN_NAME, "I can bring it tonight", notice));
    awaitSent(ANA, 3);
    assertThat(api.sentTo(ANA).get(2).text()).contains("I can bring it tonight");
    assertNoIdentityOf(BEN, BEN_NAME, api.sentTo(ANA), api.sentTo(GROUP));
  }

  @SafeVarargs
  private static void assertNoIdentityOf(long id, String username, List<FakeBotApi.Sent>... sent) {
    for (List<FakeBotApi.Sent> messages : sent) {
      assertThat(messages)
          .allSatisfy(m -> assertThat(m.text()).doesNotContain(Long.toString(id), username));
    }
  }

  @Test
  void buttonPressAnswersTheQuestionUnderWhichItWasAndIsAcknowledged() {
    api.queue(Updates.privateText(BEN, BEN_NAME, "en", "need: a flux capacitor in Portland"));
    eventually().until(() -> api.sentTo(BEN).stream().anyMatch(s -> s.body().has("reply_markup")));
    FakeBotApi.Sent question =
        api.sentTo(BEN).stream()
            .filter(s -> s.body().has("reply_markup"))
            .findFirst()
            .orElseThrow();
    assertThat(question.body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
        .isNotBlank();

    api.queue(Updates.button(BEN, "food", question.messageId()));

    eventually()
        .untilAsserted(
            () ->
                assertThat(bot.store.activeListingsOf(person(BEN)).get(0).categories())
                    .containsExactly(Category.fromId("food").orElseThrow()));
    eventually().until(() -> api.requests("answerCallbackQuery").size() == 1);
    assertThat(api.requests("answerCallbackQuery").get(0).body().path("callback_query_id").asText())
        .isEqualTo("q" + BEN + "-" + question.messageId());
  }

  @Test
  void groupThatBecomesASupergroupKeepsItsSubscriptionAndRemovalEndsIt() {
    long oldId = -4012345678L;
    long newId = -1002233445566L;
    api.setStatus(oldId, ADMIN, "creator");
    api.queue(Updates.groupText(oldId, ADMIN, "ana_organizes", "/subscribe Portland 30"));
    eventually().until(() -> bot.store.subscriptionOf(group(oldId)).isPresent());

    api.queue(Updates.migrated(oldId, newId));
    eventually().until(() -> bot.store.subscriptionOf(group(newId)).isPresent());
    assertThat(bot.store.subscriptionOf(group(oldId))).isEmpty();

    api.queue(Updates.botRemoved(newId));
    eventually().until(() -> bot.store.isUnreachable(group(newId)));
    assertThat(bot.store.subscriptionOf(group(newId))).isEmpty();
  }

  @Test
  void botRemovedAndAddedAgainIntroducesItselfAgain() {
    api.queue(Updates.botAdded(GROUP, ADMIN));
    awaitSent(GROUP, 1);
    api.queue(Updates.botRemoved(GROUP));
    eventually().until(() -> bot.store.isUnreachable(group(GROUP)));

    api.queue(Updates.botAdded(GROUP, ADMIN));

    awaitSent(GROUP, 2);
    assertThat(bot.store.isUnreachable(group(GROUP))).isFalse();
    assertThat(api.sentTo(GROUP).get(1).text()).isEqualTo(api.sentTo(GROUP).get(0).text());
  }

  @Test
  void aMemberWhoIsNotAdminCannotSubscribeTheGroup() {
    api.queue(Updates.groupText(GROUP, 61233, "sam", "/subscribe Portland 50"));

    awaitSent(GROUP, 1);
    assertThat(bot.store.subscriptionOf(group(GROUP))).isEmpty();
    assertThat(api.requests("getChatMember")).hasSize(1);
  }

  @Test
  void chatterInAGroupIsReadButNotAnswered() {
    api.queue(Updates.groupText(GROUP, 61233, "sam", "see you all at the meeting tonight!"));
    int marker = api.queue(Updates.privateText(ANA, ANA_NAME, "en", "/help"));

    awaitSent(ANA, 1);
    assertThat(api.sentTo(GROUP)).isEmpty();
    assertThat(bot.store.state(UpdateOffset.STATE_KEY)).contains(Integer.toString(marker + 1));
  }

  @Test
  void withPrivacyModeOffARealNeedPostedInTheGroupBecomesAListing() {
    api.queue(
        Updates.groupText(GROUP, 61233, "sam_private", "see you all at the meeting tonight!"));
    api.queue(
        Updates.groupText(GROUP, 61233, "sam_private", "we need 2 sleeping bags in Portland"));

    eventually().until(() -> !bot.store.activeListingsOf(person(61233)).isEmpty());
    assertThat(bot.store.activeListingsOf(person(61233))).hasSize(1);
    assertThat(api.sent())
        .allSatisfy(s -> assertThat(s.text()).doesNotContain("61233", "sam_private"));
  }

  @Test
  void aBrokenUpdateIsSkippedAfterRetriesAndPollingGoesOn() {
    var broken = Updates.privateText(ANA, ANA_NAME, "en", "hello");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("message")).remove("chat");
    int brokenId = api.queue(broken);
    api.queue(Updates.privateText(BEN, BEN_NAME, "en", "/help"));

    awaitSent(BEN, 1);
    assertThat(api.sentTo(ANA)).isEmpty();
    assertThat(Integer.parseInt(bot.store.state(UpdateOffset.STATE_KEY).orElseThrow()))
        .isGreaterThan(brokenId + 1);
  }
}
