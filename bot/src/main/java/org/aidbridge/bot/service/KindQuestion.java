package org.aidbridge.bot.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
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
import org.aidbridge.bot.store.Store;

/**
 * When the parser is only half sure that a private message is a need (or an offer), the bot asks
 * once, "Is this something you need? yes / no", instead of making a wrong listing or answering with
 * a shrug. A yes makes the listing from the message asked about; a no ends it; anything else is
 * read as a new message. In a group the bot never asks: it stays silent.
 *
 * <p>The question waits in the same place as the other one-shot questions ({@link Questions}): the
 * state {@code question:<person>}, which the person's next message clears. It holds the kind and
 * the text asked about, so that the answer needs nothing else.
 */
public final class KindQuestion {
  static final String PREFIX = "confirm:";

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
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    store.putState(
        Questions.PENDING + message.sender().qualified(),
        PREFIX + parsed.kind().name() + ":" + encoded);
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
  static boolean isMine(String pending) {
    return pending.startsWith(PREFIX);
  }

  /**
   * Takes {@code text} as the answer to the pending question.
   *
   * @return the replies, or empty when the text is no yes or no (then it is read as a new message)
   */
  public Optional<List<OutboundMessage>> answer(
      InboundMessage message, String pending, String text) {
    Optional<YesNo> answer = YesNo.read(text);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = pending.substring(PREFIX.length()).split(":", 2);
    Kind kind = Kind.valueOf(parts[0]);
    String asked = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
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
        answer.receivedAt(),
        answer.senderAuthenticated());
  }
}
