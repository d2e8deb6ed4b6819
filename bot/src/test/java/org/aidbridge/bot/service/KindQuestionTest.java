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
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.parse.ConfidenceBands;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the bot does with a message the parser is only half sure of: one yes/no question in private,
 * silence in a group. Through the real parser and SQLite store.
 */
class KindQuestionTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address ANA = Address.person(Channel.EMAIL, "ana@example.org");
  private static final Address BEN = Address.person(Channel.TELEGRAM, "777001");
  private static final Address GROUP = Address.group(Channel.TELEGRAM, "-100999");

  private final Store store = SqliteStore.open(":memory:");
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  private BotService bot(BotSettings settings) {
    return Bots.create(
        store,
        settings,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new LexiconParser(Gazetteer.loadDefault()),
        Gazetteer.loadDefault());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en|I need some help with something this week|Is this something you need?",
        "es|puede que necesite ayuda con algo esta semana|¿Es algo que necesitas?",
        "fa|یه کار کوچیک دارم کمک لازمه|این چیزی است که لازم دارید؟",
        "en|happy to help out a bit this week|Is this something you can offer?"
      })
  void aHalfSurePrivateMessageGetsOneQuestionAndYesMakesTheListingOfIt(
      String language, String text, String question) {
    BotService bot = bot(BotSettings.DEFAULT);

    List<OutboundMessage> asked = bot.handle(direct(BEN, text));

    assertThat(asked).singleElement().satisfies(q -> assertThat(q.text()).startsWith(question));
    assertThat(asked.get(0).choices()).extracting(Choice::reply).containsExactly("yes", "no");
    assertThat(asked.get(0).language()).isEqualTo(language);
    assertThat(store.activeListingsOf(BEN)).isEmpty();

    List<OutboundMessage> answered = bot.handle(direct(BEN, "yes"));

    assertThat(store.activeListingsOf(BEN))
        .singleElement()
        .satisfies(
            listing -> {
              assertThat(listing.text()).isEqualTo(text);
              assertThat(listing.kind())
                  .isEqualTo(question.contains("offer") ? Kind.OFFER : Kind.NEED);
            });
    Listing listing = store.activeListingsOf(BEN).get(0);
    assertThat(answered).anySatisfy(a -> assertThat(a.text()).contains(listing.ref()));
  }

  @Test
  void noEndsTheQuestionWithoutAListingAndTheQuestionIsAskedOnlyOnce() {
    BotService bot = bot(BotSettings.DEFAULT);
    bot.handle(direct(ANA, "I need some help with something this week"));

    List<OutboundMessage> answered = bot.handle(direct(ANA, "no"));

    assertThat(answered)
        .singleElement()
        .satisfies(a -> assertThat(a.text()).isEqualTo("All right, I have not posted it."));
    assertThat(store.activeListingsOf(ANA)).isEmpty();
    // The question is gone: a later "yes" is no answer to it.
    assertThat(bot.handle(direct(ANA, "yes")))
        .noneSatisfy(a -> assertThat(a.text()).contains("Saved"));
    assertThat(store.activeListingsOf(ANA)).isEmpty();
  }

  @Test
  void aNewMessageInsteadOfAnAnswerIsReadAsItself() {
    BotService bot = bot(BotSettings.DEFAULT);
    bot.handle(direct(ANA, "I need some help with something this week"));

    bot.handle(direct(ANA, "need: 2 bags of rice in Oakland"));

    assertThat(store.activeListingsOf(ANA))
        .singleElement()
        .satisfies(l -> assertThat(l.text()).isEqualTo("need: 2 bags of rice in Oakland"));
  }

  @Test
  void inAGroupAHalfSureMessageGetsNeitherAListingNorAQuestion() {
    BotService bot = bot(BotSettings.DEFAULT);

    assertThat(bot.handle(inGroup(BEN, "I need some help with something this week"))).isEmpty();
    assertThat(bot.handle(inGroup(BEN, "happy to help out a bit this week"))).isEmpty();

    assertThat(store.activeListingsOf(BEN)).isEmpty();
  }

  @Test
  void aClearListingIsMadeAtOnceWithoutAQuestion() {
    BotService bot = bot(BotSettings.DEFAULT);

    List<OutboundMessage> out = bot.handle(direct(ANA, "I need insulin in Portland, urgent"));

    assertThat(out).allSatisfy(o -> assertThat(o.choices()).isEmpty());
    assertThat(store.activeListingsOf(ANA)).hasSize(1);
  }

  @Test
  void theThresholdsAreSettings() {
    BotService eager = bot(BotSettings.DEFAULT.withConfidence(new ConfidenceBands(0.4, 0.3)));

    eager.handle(inGroup(BEN, "I need some help with something this week"));

    assertThat(store.activeListingsOf(BEN)).hasSize(1);
  }

  private InboundMessage direct(Address from, String text) {
    // A mail answering the bot's question carries the bot's token (proof of the mailbox).
    return InboundMessage.direct(from, "m" + ids.incrementAndGet(), text, NOW)
        .withProof(
            from.channel() == Channel.EMAIL
                ? org.aidbridge.bot.model.Proof.MAILBOX_ANSWER
                : org.aidbridge.bot.model.Proof.PLATFORM);
  }

  private InboundMessage inGroup(Address from, String text) {
    return new InboundMessage(
        from.channel(),
        "g" + ids.incrementAndGet(),
        from,
        GROUP,
        text,
        null,
        null,
        null,
        false,
        false,
        NOW);
  }
}
