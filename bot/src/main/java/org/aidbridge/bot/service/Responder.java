package org.aidbridge.bot.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.command.Command;
import org.aidbridge.bot.command.CommandParser;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.BidiControls;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.parse.ConfidenceBands;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.store.PendingQuestion;
import org.aidbridge.bot.store.Store;

/**
 * Decides what to do with one message: a command, an answer to one of the bot's messages, a need or
 * an offer in free text, or chatter (silence in groups, a hint in private).
 */
public final class Responder {
  /** Short thanks that deserve no answer, even in private. */
  private static final Set<String> THANKS =
      Set.of(
          "thanks",
          "thank you",
          "thx",
          "ty",
          "ok",
          "okay",
          "gracias",
          "vale",
          "ممنون",
          "مرسی",
          "👍",
          "🙏");

  private final CommandParser commands = new CommandParser();
  private final ParseAhead readings;
  private final ListingCommands listings;
  private final Questions questions;
  private final GroupCommands groups;
  private final Relay relay;
  private final Links links;
  private final Coordination coordination;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;
  private final Lifecycle lifecycle;
  private final Confirmations confirmations;
  private final Store store;
  private final KindQuestion kindQuestion;

  public Responder(
      ListingParser parser,
      ListingCommands listings,
      Questions questions,
      GroupCommands groups,
      Relay relay,
      Links links,
      Coordination coordination,
      Replies replies,
      BotSettings settings,
      Clock clock,
      Lifecycle lifecycle,
      Confirmations confirmations,
      Store store,
      KindQuestion kindQuestion) {
    this.readings = new ParseAhead(parser);
    this.listings = listings;
    this.questions = questions;
    this.groups = groups;
    this.relay = relay;
    this.links = links;
    this.coordination = coordination;
    this.replies = replies;
    this.settings = settings;
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.confirmations = confirmations;
    this.store = store;
    this.kindQuestion = kindQuestion;
  }

  /**
   * What to answer, with whatever the message sets going. A person whose text was longer than the
   * bot reads (a huge mail or chat text), or who sent an attachment (which the bot never reads), is
   * told so once, in private, with the answer to them; never in a group.
   */
  public List<OutboundMessage> respond(InboundMessage message) {
    List<OutboundMessage> answers = decide(message);
    List<String> notes = ReadingNotes.of(message);
    if (notes.isEmpty() || message.inGroup() || coordination.isBanned(message.sender())) {
      return answers;
    }
    return ReadingNotes.added(
        message,
        notes,
        answers,
        replies,
        () -> replies.languageOf(message, parse(message, message.text()).language()));
  }

  private List<OutboundMessage> decide(InboundMessage message) {
    if (coordination.isBanned(message.sender())) {
      return List.of(); // stored, never answered: a ban must not be a conversation
    }
    if (message.attachmentSkipped() && message.text().isBlank()) {
      return List.of(); // only an attachment: its note is the whole answer
    }
    Optional<List<OutboundMessage>> confirmed = confirmations.answer(message, this::respond);
    if (confirmed.isPresent()) {
      return confirmed.get();
    }
    String text = effectiveText(message);
    Optional<Command> command = commands.parse(text);
    if (!ProofPolicy.allows(message.senderProof(), requirement(message, text, command))) {
      return askToConfirm(message, text, command);
    }
    if (!message.senderProof().provesIdentity()) {
      // A sender not proven may post a need or an offer; it answers none of the bot's questions.
      return command.isPresent() ? run(command.get(), message) : listingOrChatter(message, text);
    }
    Optional<List<OutboundMessage>> linked = links.answer(message);
    if (linked.isPresent()) {
      return linked.get();
    }
    Optional<PendingQuestion> question = questions.takePending(message);
    Optional<List<OutboundMessage>> lifeAnswer = lifecycle.answer(message, text);
    if (lifeAnswer.isPresent()) {
      return lifeAnswer.get();
    }
    if (command.isPresent()) {
      return run(command.get(), message);
    }
    if (question.isPresent() && KindQuestion.isMine(question.get())) {
      Optional<List<OutboundMessage>> answered = kindQuestion.answer(message, question.get(), text);
      if (answered.isPresent()) {
        return answered.get();
      }
    } else if (question.isPresent()) {
      Optional<List<OutboundMessage>> answered = questions.answer(message, question.get(), text);
      if (answered.isPresent()) {
        return answered.get();
      }
    }
    if (message.replyTo() != null) {
      Optional<List<OutboundMessage>> relayed = relay.relay(message, text);
      if (relayed.isPresent()) {
        return relayed.get();
      }
    }
    return listingOrChatter(message, text);
  }

  /** Keeps the message until its sender proves it by answering, asked in the sender's language. */
  private List<OutboundMessage> askToConfirm(
      InboundMessage message, String text, Optional<Command> command) {
    String language =
        command
            .map(c -> languageFor(c, message))
            .orElseGet(() -> replies.languageOf(message, parse(message, text).language()));
    return confirmations.ask(message, text, language);
  }

  /**
   * What proof the message needs ({@link ProofPolicy}): its command's; an answer to one of the
   * bot's messages or a yes or no needs the person's. A command only coordinators may use needs no
   * proof from someone who is none: it is refused as it is.
   */
  private ProofPolicy.Requirement requirement(
      InboundMessage message, String text, Optional<Command> command) {
    if (command.isPresent()) {
      ProofPolicy.Requirement needed = ProofPolicy.of(command.get().name());
      boolean refusedAnyway =
          needed == ProofPolicy.Requirement.COORDINATOR
              && !message.inGroup()
              && !Coordination.isCoordinator(store, settings, message.sender());
      return refusedAnyway ? ProofPolicy.Requirement.ANYONE : needed;
    }
    boolean answersTheBot =
        message.replyTo() != null
            && store.sentMessage(message.channel(), message.replyTo()).isPresent();
    return answersTheBot || YesNo.read(text).isPresent()
        ? ProofPolicy.ANSWER
        : ProofPolicy.Requirement.ANYONE;
  }

  private List<OutboundMessage> listingOrChatter(InboundMessage message, String text) {
    ParsedMessage parsed = parse(message, text);
    ConfidenceBands bands = settings.confidence();
    String asked = text;
    if (!parsed.isListingAt(bands.listing())
        && freshSubject(message)
        && !text.contains(message.subject().strip())) {
      // A new mail whose body says little ("see subject", a greeting) may say it all in its
      // subject: "Need insulin in Portland".
      String subjectText = BidiControls.strip(message.subject()).strip();
      ParsedMessage subject = parse(message, subjectText);
      if (subject.confidence() > parsed.confidence()) {
        parsed = subject;
        asked = subjectText;
      }
    }
    if (parsed.isListingAt(bands.listing())) {
      return listings.create(message, parsed);
    }
    if (parsed.isListingAt(bands.ask()) && !message.inGroup()) {
      // Half sure: one short question in private; in a group, silence (a wrong listing there
      // talks over people).
      return kindQuestion.ask(message, parsed, asked);
    }
    return notAListing(message, parsed.language(), text);
  }

  private List<OutboundMessage> run(Command command, InboundMessage message) {
    String language = languageFor(command, message);
    return switch (command.name()) {
      case START -> replies.say(message, language, message.inGroup() ? "group.intro" : "welcome");
      case HELP -> replies.say(message, language, "help");
      case NEED -> newListing(message, command.args(), Kind.NEED, language);
      case OFFER -> newListing(message, command.args(), Kind.OFFER, language);
      case LIST -> listings.list(message, language);
      case DONE -> listings.close(message, command.args(), language, true);
      case WITHDRAW -> listings.close(message, command.args(), language, false);
      case SUBSCRIBE -> groups.subscribe(message, command.args(), language);
      case UNSUBSCRIBE -> groups.unsubscribe(message, command.args(), language);
      case STATUS -> groups.status(message, language);
      case REPLY -> relay.replyByRef(message, command.args(), language);
      case SHARE -> relay.share(message, command.args(), language);
      case LINK -> links.link(message, command.args(), language);
      case UNLINK -> links.unlink(message, language);
      case BROADCAST, CLOSE, HIDE, BAN, STATS, DIGEST, DEADLETTERS, RETRY, DASHBOARD ->
          coordination.run(message, command.name().slashName(), command.args(), language);
      case FORGET -> lifecycle.forget(message, command.args(), language);
    };
  }

  /**
   * The channel's word for the person's language, else the command word's language, else what a few
   * words of arguments are written in, else the default. A reference alone ("done N-7K2") tells
   * nothing.
   */
  private String languageFor(Command command, InboundMessage message) {
    String hinted = Texts.baseLanguage(message.languageHint());
    if (hinted != null && Texts.LANGUAGES.contains(hinted)) {
      return hinted;
    }
    if (command.language() != null) {
      return command.language();
    }
    if (command.args().split("\\s+").length >= 3) {
      return replies.languageOf(message, parse(message, command.args()).language());
    }
    return replies.defaultLanguage();
  }

  private List<OutboundMessage> newListing(
      InboundMessage message, String args, Kind kind, String language) {
    if (args.isBlank()) {
      return replies.say(
          message, language, kind == Kind.NEED ? "listing.need.empty" : "listing.offer.empty");
    }
    // The parser reads "need: ..." and "/need ..." as explicit forms; the whole text keeps the
    // words that tell the language. Whatever it makes of it, the command decides the kind.
    ParsedMessage whole = parse(message, effectiveText(message));
    ParsedMessage parsed = whole.isListing() ? whole : parse(message, args);
    return listings.create(message, parsed.withKind(kind));
  }

  private List<OutboundMessage> notAListing(InboundMessage message, String detected, String text) {
    boolean quiet = message.inGroup() && !message.addressedToBot();
    if (quiet
        || text.isBlank()
        || THANKS.contains(text.strip().toLowerCase(Locale.ROOT).replaceAll("[!.]+$", ""))) {
      return List.of();
    }
    String language = replies.languageOf(message, detected);
    return replies.say(message, language, "listing.not.understood");
  }

  private ParsedMessage parse(InboundMessage message, String text) {
    return readings.parse(
        text, new ParseContext(message.languageHint(), clock.instant(), home(message)));
  }

  /** In a subscribed group, places are first looked for in the group's own country. */
  private String home(InboundMessage message) {
    return groups.countryOf(message).orElse(settings.homeCountry());
  }

  /**
   * Starts reading a batch's messages on another thread as {@link #listingOrChatter} will read
   * them, while the handling thread goes through them (the batch is to be closed when they are
   * handled). Nothing is read ahead if what a reading depends on cannot be looked up now.
   */
  ParseAhead.Batch readAhead(List<InboundMessage> batch) {
    List<ParseAhead.Wanted> texts = new ArrayList<>(batch.size());
    try {
      for (InboundMessage message : batch) {
        texts.add(
            new ParseAhead.Wanted(effectiveText(message), message.languageHint(), home(message)));
      }
    } catch (RuntimeException e) {
      texts.clear(); // the store failing: each message is read when it is handled, as ever
    }
    return readings.start(texts);
  }

  /**
   * The words to read. An email with an empty body is read by its subject ("NEED: insulin"),
   * without the "Re:" and "Fwd:" a mail program adds.
   */
  static String effectiveText(InboundMessage message) {
    // Whatever the person wrote may be passed on to someone else or into a group: from here on it
    // carries no character that could make it display as something else.
    if (!message.text().isBlank() || !freshSubject(message)) {
      return BidiControls.strip(message.text()).strip();
    }
    return BidiControls.strip(message.subject()).replaceAll("(?i)^(fwd?|rv)\\s*:\\s*", "").strip();
  }

  /**
   * A subject worth reading: that of a new mail. An answer's subject ("Re: Match found for ...")
   * repeats the bot's own words and must never be relayed or read as a new listing.
   */
  private static boolean freshSubject(InboundMessage message) {
    return message.subject() != null
        && !message.subject().isBlank()
        && message.replyTo() == null
        && !message.subject().strip().matches("(?i)^(re|aw|sv)\\s*:.*");
  }
}
