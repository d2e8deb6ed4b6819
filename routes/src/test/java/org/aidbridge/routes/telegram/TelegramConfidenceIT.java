package org.aidbridge.routes.telegram;

import static org.aidbridge.routes.telegram.TelegramWorld.eventually;
import static org.aidbridge.routes.telegram.TelegramWorld.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How sure the bot must be before it speaks, on the wire: the real TelegramBots client against the
 * fake Bot API. In a subscribed group, everyday chatter (thanks, figurative needs, finished needs,
 * charity appeals) makes no listing and no message; in private, a half-clear message gets one
 * question with yes/no buttons, in the person's language.
 */
class TelegramConfidenceIT {
  private static final long ADMIN = 51122;
  private static final long SAM = 61233;
  private static final long GROUP = -1001225890715L;

  /** Typical group chatter, much of it with "need" or a thing in it, none of it a listing. */
  private static final List<String> CHATTER =
      List.of(
          "good morning everyone! stay safe out there",
          "I need sleep so badly lol, been up since 5",
          "honestly we need a miracle at this point",
          "got the formula, thanks all!! you guys are amazing",
          "the couch is gone, thanks for all the messages",
          "we're full, no more clothes donations please",
          "how do I donate to the Red Cross? is there a link",
          "anyone know if the bridge is open yet?",
          "power's back on at our end finally",
          "what a day. need to lie down",
          "never mind, my brother is bringing the generator",
          "necesito unas vacaciones después de esta semana jaja",
          "ya conseguimos la leche, gracias a todos!!",
          "¿cómo puedo donar a Cruz Roja? alguien tiene el enlace",
          "فقط یه معجزه لازم داریم",
          "شیر خشک رسید، دست همه درد نکنه",
          "مراقب خودتون باشید، آب رودخونه داره بالا میاد");

  @RegisterExtension final TelegramWorld world = new TelegramWorld();
  private FakeBotApi api;
  private TelegramBotProcess bot;

  @BeforeEach
  void start() {
    api = world.api();
    bot = world.bot();
  }

  /**
   * A press of the button under the bot's first message to {@code id}, by someone in {@code
   * language}.
   */
  private ObjectNode press(long id, String data, String language) {
    ObjectNode update = Updates.button(id, data, api.sentTo(id).get(0).messageId());
    ((ObjectNode) update.at("/callback_query/from")).put("language_code", language);
    return update;
  }

  @Test
  void aStreamOfChatterInASubscribedGroupMakesNoListingAndNoMessage() {
    api.setStatus(GROUP, ADMIN, "administrator");
    api.queue(Updates.botAdded(GROUP, ADMIN));
    api.queue(Updates.groupText(GROUP, ADMIN, "ana_organizes", "/subscribe@AidBridgeBot Portland"));
    eventually().until(() -> api.sentTo(GROUP).size() >= 2);
    int before = api.sentTo(GROUP).size();

    for (String text : CHATTER) {
      api.queue(Updates.groupText(GROUP, SAM, "sam_private", text));
    }
    // A real need after the chatter: once it is answered, every message before it was handled.
    api.queue(Updates.groupText(GROUP, SAM, "sam_private", "we need 2 sleeping bags in Portland"));

    eventually().until(() -> api.sentTo(GROUP).size() > before);
    assertThat(bot.store.activeListingsOf(person(SAM)))
        .singleElement()
        .satisfies(l -> assertThat(l.text()).isEqualTo("we need 2 sleeping bags in Portland"));
    assertThat(api.sentTo(GROUP).subList(before, api.sentTo(GROUP).size()))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("sleeping bag"));
    assertThat(api.sentTo(SAM)).isEmpty();
  }

  @Test
  void aHalfClearPrivateMessageGetsYesNoButtonsInThePersonsLanguageAndYesMakesTheListing() {
    long[] people = {1111001, 2222002, 3333003};
    String[] languages = {"en", "es", "fa"};
    String[] texts = {
      "I need some help with something this week",
      "puede que necesite ayuda con algo esta semana",
      "یه کار کوچیک دارم کمک لازمه"
    };
    String[] questions = {
      "Is this something you need?", "¿Es algo que necesitas?", "این چیزی است که لازم دارید؟"
    };
    for (int i = 0; i < people.length; i++) {
      api.queue(Updates.privateText(people[i], "p" + i, languages[i], texts[i]));
    }
    for (int i = 0; i < people.length; i++) {
      long id = people[i];
      eventually().until(() -> !api.sentTo(id).isEmpty());
      FakeBotApi.Sent question = api.sentTo(id).get(0);
      assertThat(question.text()).startsWith(questions[i]);
      JsonNode row = question.body().at("/reply_markup/inline_keyboard/0");
      assertThat(row.get(0).path("callback_data").asText()).isEqualTo("yes");
      assertThat(row.get(1).path("callback_data").asText()).isEqualTo("no");
      assertThat(bot.store.activeListingsOf(person(id))).isEmpty();
    }

    api.queue(press(people[0], "yes", languages[0]));
    api.queue(press(people[1], "yes", languages[1]));
    api.queue(press(people[2], "no", languages[2]));

    for (int i = 0; i < 2; i++) {
      long id = people[i];
      String text = texts[i];
      eventually()
          .untilAsserted(
              () ->
                  assertThat(bot.store.activeListingsOf(person(id)))
                      .singleElement()
                      .satisfies(
                          l -> {
                            assertThat(l.kind()).isEqualTo(Kind.NEED);
                            assertThat(l.text()).isEqualTo(text);
                          }));
    }
    eventually().until(() -> api.sentTo(people[2]).size() >= 2);
    assertThat(api.sentTo(people[2]).get(1).text()).isEqualTo("باشه، چیزی ثبت نکردم.");
    assertThat(bot.store.activeListingsOf(person(people[2]))).isEmpty();
    eventually().until(() -> api.requests("answerCallbackQuery").size() == 3);
  }
}
