package org.aidbridge.bot.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.PendingQuestion;
import org.aidbridge.bot.store.PendingQuestion.Asked;
import org.aidbridge.bot.store.Store;

/**
 * Asks once for what a new listing lacks (what kind of help, where) and takes the answer, typed or
 * chosen from buttons. Whatever the person sends next ends the question: the bot never nags.
 */
public final class Questions {
  private final Store store;
  private final ListingParser parser;
  private final PlaceFinder places;
  private final MatchNotifier notifier;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  public Questions(
      Store store,
      ListingParser parser,
      PlaceFinder places,
      MatchNotifier notifier,
      Replies replies,
      BotSettings settings,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.parser = parser;
    this.places = places;
    this.notifier = notifier;
    this.replies = replies;
    this.settings = settings;
  }

  /** The question to ask about a listing just made in a private chat, if it lacks something. */
  public Optional<OutboundMessage> ask(InboundMessage message, Listing listing, String language) {
    if (message.inGroup()) {
      return Optional.empty();
    }
    if (listing.categories().equals(Set.of(Category.OTHER))) {
      remember(message.sender(), PendingQuestion.about(Asked.CATEGORY, listing.id()));
      return Optional.of(
          replies
              .answer(message, language, Texts.get(language, "ask.category", listing.ref()))
              .withChoices(categoryChoices(language)));
    }
    boolean travels = listing.categories().stream().allMatch(Category::travels);
    if (listing.place() == null && !travels) {
      remember(message.sender(), PendingQuestion.about(Asked.PLACE, listing.id()));
      return Optional.of(
          replies.answer(message, language, Texts.get(language, "ask.place", listing.ref())));
    }
    return Optional.empty();
  }

  /** The question waiting for this person's answer, which their message now ends. */
  public Optional<PendingQuestion> takePending(InboundMessage message) {
    if (message.inGroup()) {
      return Optional.empty();
    }
    return store.takeQuestion(message.sender(), PendingQuestion.Topic.LISTING);
  }

  /**
   * Applies {@code text} as the answer to {@code pending}.
   *
   * @return the replies, or empty when the text does not answer the question
   */
  public Optional<List<OutboundMessage>> answer(
      InboundMessage message, PendingQuestion pending, String text) {
    if (pending.listingId() == null) {
      return Optional.empty(); // another kind of question (see KindQuestion)
    }
    Optional<Listing> listing =
        store
            .listingById(pending.listingId())
            .filter(l -> l.author().equals(message.sender()) && l.status().active());
    if (listing.isEmpty()) {
      return Optional.empty();
    }
    Listing before = listing.get();
    Optional<Listing> after =
        pending.asked() == Asked.CATEGORY
            ? categoriesIn(text, before.language()).map(c -> before.withDetails(c, before.place()))
            : placeIn(text).map(p -> before.withDetails(before.categories(), p));
    return after.map(updated -> apply(message, before, updated));
  }

  private List<OutboundMessage> apply(InboundMessage message, Listing before, Listing updated) {
    store.updateListing(updated);
    String language = replies.languageOf(message, updated.language());
    List<OutboundMessage> out = new ArrayList<>();
    out.add(
        replies.answer(
            message,
            language,
            Texts.get(
                language,
                "ask.updated",
                updated.ref(),
                updated.summary(),
                ListingCommands.placeSuffix(updated, language))));
    out.addAll(notifier.announce(updated, notifier.groupsCovering(before)));
    if (before.place() == null && updated.place() == null) {
      ask(message, updated, language).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Set<Category>> categoriesIn(String text, String language) {
    String typed = text.strip().toLowerCase(Locale.ROOT);
    Optional<Category> exact =
        Category.fromId(typed)
            .or(
                () ->
                    Arrays.stream(Category.values())
                        .filter(
                            c ->
                                Texts.get(language, "category." + c.id())
                                    .toLowerCase(Locale.ROOT)
                                    .equals(typed))
                        .findFirst());
    if (exact.isPresent()) {
      return exact.map(Set::of);
    }
    Set<Category> parsed =
        parser.parse(text, new ParseContext(language, clock.instant(), null)).categories();
    return parsed.isEmpty() ? Optional.empty() : Optional.of(parsed);
  }

  private Optional<Place> placeIn(String text) {
    String typed = text.strip();
    if (typed.isEmpty() || typed.split("\\s+").length > 6) {
      return Optional.empty();
    }
    return Optional.of(
        places.resolve(typed, settings.homeCountry()).orElse(Place.unresolved(typed)));
  }

  private void remember(Address person, PendingQuestion question) {
    store.askQuestion(person, question, clock.instant());
  }

  private static List<Choice> categoryChoices(String language) {
    return Arrays.stream(Category.values())
        .filter(c -> c != Category.OTHER)
        .map(c -> new Choice(Texts.get(language, "category." + c.id()), c.id()))
        .toList();
  }
}
