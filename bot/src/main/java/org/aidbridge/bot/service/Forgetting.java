package org.aidbridge.bot.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.command.CommandParser;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.PendingQuestion;
import org.aidbridge.bot.store.Store;

/**
 * {@code forget}: after a confirmation, deletes everything the bot keeps about the person. The
 * confirmation is {@code forget confirm}, or a yes as the very next message after the question.
 */
public final class Forgetting {
  /**
   * The topic of the last message to a forgotten person. Once sent, it is deleted too (see {@link
   * Housekeeping}).
   */
  public static final String TOPIC = "forget:done";

  private static final Set<String> CONFIRM = CommandParser.CONFIRM_WORDS;

  private final Store store;
  private final Replies replies;
  private final Clock clock;
  private final ChannelCopies copies;

  public Forgetting(Store store, Replies replies, Clock clock, ChannelCopies copies) {
    this.store = store;
    this.replies = replies;
    this.clock = clock;
    this.copies = copies;
  }

  /** {@code forget} asks; {@code forget confirm} forgets at once. */
  public List<OutboundMessage> command(InboundMessage message, String args, String detected) {
    String language = languageOf(message, detected);
    if (message.inGroup()) {
      return replies.say(message, language, "forget.group");
    }
    if (CONFIRM.contains(args.strip().toLowerCase(Locale.ROOT))) {
      return forget(message, language);
    }
    store.askQuestion(message.sender(), PendingQuestion.forget(), clock.instant());
    return List.of(
        replies
            .answer(message, language, Texts.get(language, "forget.ask"))
            .withChoices(
                List.of(
                    new Choice(Texts.get(language, "choice.yes"), "yes"),
                    new Choice(Texts.get(language, "choice.no"), "no"))));
  }

  /**
   * Ends a waiting question, which only the very next message can answer.
   *
   * @return the replies when the message answers it with yes or no, else empty
   */
  public Optional<List<OutboundMessage>> answer(InboundMessage message, String text) {
    if (message.inGroup()) {
      return Optional.empty();
    }
    if (store.takeQuestion(message.sender(), PendingQuestion.Topic.FORGET).isEmpty()) {
      return Optional.empty();
    }
    Optional<YesNo> said = YesNo.read(text).filter(s -> s.ref() == null);
    if (said.isEmpty()) {
      return Optional.empty();
    }
    String language = languageOf(message, null);
    return Optional.of(
        said.get().yes()
            ? forget(message, language)
            : replies.say(message, language, "forget.cancelled"));
  }

  /**
   * The channel's word first; then the language the person's latest listing is in, a surer sign
   * than a word or two typed after a command.
   */
  private String languageOf(InboundMessage message, String detected) {
    String hinted = Texts.baseLanguage(message.languageHint());
    if (hinted != null && Texts.LANGUAGES.contains(hinted)) {
      return hinted;
    }
    String written =
        store.activeListingsOf(message.sender()).stream()
            .map(Listing::language)
            .filter(Texts.LANGUAGES::contains)
            .findFirst()
            .orElse(detected);
    return replies.languageOf(message, written);
  }

  private List<OutboundMessage> forget(InboundMessage message, String language) {
    // The person is every identity they linked, on every channel, both sides proven: a link kept
    // from before may have been made with a forged From, and must not let its maker erase another.
    for (Address identity : store.provenLinkedWith(message.sender())) {
      store.forget(identity);
      copies.eraseFrom(identity); // what a channel keeps outside the store, such as mail
    }
    return List.of(
        replies.answer(message, language, Texts.get(language, "forget.done")).about(TOPIC));
  }
}
