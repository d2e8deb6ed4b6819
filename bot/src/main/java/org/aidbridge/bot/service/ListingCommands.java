package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.BotEvents;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.BidiControls;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.store.Store;

/** Making, listing and closing a person's own needs and offers. */
public final class ListingCommands {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final Store store;
  private final MatchNotifier notifier;
  private final Questions questions;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  private final BotEvents events;

  public ListingCommands(
      Store store,
      MatchNotifier notifier,
      Questions questions,
      Replies replies,
      BotSettings settings,
      Clock clock) {
    this(store, notifier, questions, replies, settings, clock, BotEvents.NONE);
  }

  public ListingCommands(
      Store store,
      MatchNotifier notifier,
      Questions questions,
      Replies replies,
      BotSettings settings,
      Clock clock,
      BotEvents events) {
    this.events = events;
    this.store = store;
    this.notifier = notifier;
    this.questions = questions;
    this.replies = replies;
    this.settings = settings;
    this.clock = clock;
  }

  /** Stores a need or offer, acknowledges it, and tells whoever it matches. */
  public List<OutboundMessage> create(InboundMessage message, ParsedMessage parsed) {
    String language = replies.languageOf(message, parsed.language());
    Listing listing = store.insertListing(draft(message, parsed, language));
    events.listingCreated(listing.kind());
    List<OutboundMessage> out = new ArrayList<>();
    String key = message.inGroup() ? "listing.created.group" : "listing.created";
    out.add(
        replies.answer(
            message,
            language,
            Texts.get(
                language,
                key,
                kindWord(listing, language),
                listing.ref(),
                listing.summary(),
                placeSuffix(listing, language))));
    out.addAll(notifier.announce(listing));
    questions.ask(message, listing, language).ifPresent(out::add);
    return out;
  }

  public List<OutboundMessage> list(InboundMessage message, String language) {
    List<Listing> mine =
        store.provenLinkedWith(message.sender()).stream()
            .flatMap(identity -> store.activeListingsOf(identity).stream())
            .sorted(java.util.Comparator.comparing(Listing::createdAt).reversed())
            .toList();
    if (mine.isEmpty()) {
      return List.of(replies.answer(message, language, Texts.get(language, "list.none")));
    }
    StringBuilder text = new StringBuilder(Texts.get(language, "list.header"));
    for (Listing l : mine) {
      text.append('\n')
          .append(
              Texts.get(
                  language,
                  "list.line",
                  l.ref(),
                  kindWord(l, language),
                  l.summary(),
                  placeSuffix(l, language),
                  DAY.format(l.expiresAt())));
    }
    // In a group the list goes to the person privately, not to everyone in the group.
    return List.of(replies.toPerson(message, language, text.toString()));
  }

  /** {@code done} (fulfilled) or {@code withdraw}: only the author can close a listing. */
  public List<OutboundMessage> close(
      InboundMessage message, String args, String language, boolean fulfilled) {
    String typed = args.isBlank() ? "" : args.strip().split("\\s+")[0];
    if (typed.isEmpty()) {
      return List.of(replies.answer(message, language, Texts.get(language, "ref.missing")));
    }
    String ref = ListingRefs.normalize(typed);
    Optional<Listing> found =
        store
            .listingByRef(ref)
            .filter(
                l ->
                    store.provenLinkedWith(message.sender()).contains(l.author())
                        && l.status().active());
    if (found.isEmpty()) {
      return List.of(replies.answer(message, language, Texts.get(language, "ref.unknown", ref)));
    }
    Listing listing = found.get();
    store.updateStatus(listing.id(), fulfilled ? Status.FULFILLED : Status.WITHDRAWN);
    List<OutboundMessage> out = new ArrayList<>();
    out.add(
        replies.answer(
            message,
            language,
            Texts.get(language, fulfilled ? "done.ok" : "withdraw.ok", listing.ref())));
    out.addAll(notifier.closed(listing));
    return out;
  }

  private Listing draft(InboundMessage message, ParsedMessage parsed, String language) {
    Set<Category> categories =
        parsed.categories().isEmpty() ? Set.of(Category.OTHER) : parsed.categories();
    Instant now = clock.instant();
    Instant expires =
        parsed.expiresAt() != null ? parsed.expiresAt() : now.plus(settings.expiryFor(categories));
    return new Listing(
        0,
        null,
        parsed.kind(),
        categories,
        parsed.items(),
        message.text().isBlank()
            ? Responder.effectiveText(message)
            : BidiControls.strip(message.text()),
        parsed.place(),
        parsed.urgency(),
        now,
        expires,
        Status.OPEN,
        message.sender(),
        language,
        null);
  }

  static String kindWord(Listing listing, String language) {
    return Texts.get(
        language, listing.kind() == org.aidbridge.bot.model.Kind.NEED ? "kind.need" : "kind.offer");
  }

  static String placeSuffix(Listing listing, String language) {
    return listing.place() == null
        ? ""
        : Texts.get(language, "place.in", listing.place().display());
  }
}
