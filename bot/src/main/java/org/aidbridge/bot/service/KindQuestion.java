package org.aidbridge.bot.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.store.PendingQuestion;
import org.aidbridge.bot.store.Store;

/**
 * When the parser is only half sure that a private message is a need (or an offer), the bot asks
 * once, "Is this something you need? yes / no", instead of making a wrong listing or answering with
 * a shrug. A yes makes the listing from the message asked about; a no ends it; anything else is
 * read as a new message. In a group the bot never asks: it stays silent.
 *
 * <p>The question waits in the same place as the other one-shot questions about a listing ({@link
 * Questions}): the person's pending question, which their next message clears. It holds the kind
 * and the text asked about, so that the answer needs nothing else.
 */
public final class KindQuestion {
  private final Store store;
  private final ListingParser parser;
  private final ListingCommands listings;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  public KindQuestion(
      Store store,
      ListingParser parser,
      ListingCommands listings,
      Replies replies,
      BotSettings settings,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.parser = parser;
    this.listings = listings;
    this.replies = replies;
    this.clock = clock;
  }

  /** Asks whether {@code text} is what the parser half-thinks it is. */
  public List<OutboundMessage> ask(InboundMessage message, ParsedMessage parsed, String text) {
    String language = replies.languageOf(message, parsed.language());
    store.askQuestion(
        message.sender(), PendingQuestion.isItA(parsed.kind(), text), clock.instant());
    String key = parsed.kind() == Kind.NEED ? "confirm.need" : "confirm.offer";
    return List.of(
        replies
            .answer(message, language, Texts.get(language, key))
            .withChoices(
                List.of(
                    new Choice(Texts.get(language, "choice.yes"), "yes"),
                    new Choice(Texts.get(language, "choice.no"), "no"))));
  }

  /** Whether {@code pending} is this question. */
  static boolean isMine(PendingQuestion pending) {
    return pending.asksKind();
  }

  /**
   * Takes {@code text} as the answer to the pending question.
   *
   * @return the replies, or empty when the text is no yes or no (then it is read as a new message)
   */
  public Optional<List<OutboundMessage>> answer(
      InboundMessage message, PendingQuestion pending, String text) {
    Optional<YesNo> answer = YesNo.read(text);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    Kind kind = pending.asked() == PendingQuestion.Asked.IS_NEED ? Kind.NEED : Kind.OFFER;
    String asked = pending.text();
    ParsedMessage parsed =
        parser.parse(
            asked,
            new ParseContext(message.languageHint(), clock.instant(), settings.homeCountry()));
    if (!answer.get().yes()) {
      String language = replies.languageOf(message, parsed.language());
      return Optional.of(replies.say(message, language, "confirm.no"));
    }
    return Optional.of(listings.create(asAsked(message, asked), parsed.withKind(kind)));
  }

  /** The answer, carrying the words asked about: the listing keeps those, not the "yes". */
  private static InboundMessage asAsked(InboundMessage answer, String asked) {
    return new InboundMessage(
            answer.channel(),
            answer.channelMessageId(),
            answer.sender(),
            answer.group(),
            asked,
            answer.subject(),
            answer.languageHint(),
            answer.replyTo(),
            answer.addressedToBot(),
            answer.senderIsGroupAdmin(),
            answer.receivedAt())
        .withProof(answer.senderProof());
  }
}
