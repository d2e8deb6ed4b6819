package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;

/**
 * Listings end when their time is up. A day before, the author is asked once whether it is still
 * wanted: yes keeps it for its categories' lifetime again, no takes it down, silence lets it end.
 */
public final class Renewals {
  /** How long before its end a listing's author is asked. */
  public static final Duration ASK_AHEAD = Duration.ofDays(1);

  /** The topic of a question, {@code renew:<listing id>}: an answer to it is tied back by it. */
  static final String TOPIC = "renew:";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final Store store;
  private final MatchNotifier notifier;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  public Renewals(
      Store store, MatchNotifier notifier, Replies replies, BotSettings settings, Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.replies = replies;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Marks one page of the listings whose time is up, those with an id above {@code afterId}, as
   * EXPIRED. They leave matching and digests, so a page done is not found again.
   */
  WorkPage expirePage(Instant now, long afterId) {
    List<Listing> page = store.activeListingsExpiringBy(now, afterId, Escalations.PAGE);
    if (page.isEmpty()) {
      return WorkPage.DONE;
    }
    page.forEach(l -> store.updateStatus(l.id(), Status.EXPIRED));
    return WorkPage.upTo(page.get(page.size() - 1).id(), List.of(), page.size());
  }

  /**
   * Asks the authors of one page of listings ending within a day (ids above {@code afterId})
   * whether they are still wanted, once per expiry: the questions are recorded as asked here, so
   * queue them in the same transaction. A listing that lives less than a day in all is not asked
   * about.
   */
  WorkPage askPage(Instant now, long afterId) {
    List<Listing> page =
        store.activeListingsExpiringBy(now.plus(ASK_AHEAD), afterId, Escalations.PAGE);
    if (page.isEmpty()) {
      return WorkPage.DONE;
    }
    List<OutboundMessage> out = new ArrayList<>();
    for (Listing listing : page) {
      if (shouldAsk(listing, now)) {
        out.add(question(listing));
      }
    }
    return WorkPage.upTo(page.get(page.size() - 1).id(), out, 0);
  }

  /** Whether to ask now (and, if so, recorded as asked about this expiry). */
  private boolean shouldAsk(Listing listing, Instant now) {
    boolean shortLived = listing.createdAt().isAfter(listing.expiresAt().minus(ASK_AHEAD));
    return !shortLived
        && !store.isUnreachable(listing.author())
        && store.markRenewalAsked(listing.id(), listing.expiresAt(), now);
  }

  /**
   * Takes a yes or no about a listing the person was asked about: by its reference, as an answer to
   * the question, or alone when only one question waits.
   *
   * @return the replies, or empty when the text is no such answer
   */
  public Optional<List<OutboundMessage>> answer(InboundMessage message, String text) {
    if (message.inGroup()) {
      return Optional.empty();
    }
    Optional<YesNo> said = YesNo.read(text);
    Optional<String> repliedTopic =
        Optional.ofNullable(message.replyTo())
            .flatMap(id -> store.sentMessage(message.channel(), id))
            .map(OutboxEntry::message)
            .map(OutboundMessage::topic);
    boolean aboutSomethingElse = repliedTopic.filter(t -> !t.startsWith(TOPIC)).isPresent();
    if (said.isEmpty() || (aboutSomethingElse && said.get().ref() == null)) {
      return Optional.empty(); // e.g. a "yes" to a match notice is for the other person
    }
    Optional<Listing> about = about(message, said.get(), repliedTopic);
    if (about.isEmpty()) {
      List<Listing> waiting =
          store.provenLinkedWith(message.sender()).stream()
              .flatMap(identity -> store.awaitingRenewal(identity).stream())
              .toList();
      if (said.get().ref() != null || waiting.isEmpty()) {
        return Optional.empty();
      }
      if (waiting.size() > 1) {
        String language = replies.languageOf(message, waiting.get(0).language());
        return Optional.of(replies.say(message, language, "renew.which", waiting.get(0).ref()));
      }
      about = Optional.of(waiting.get(0));
    }
    Listing listing = about.get();
    String language = replies.languageOf(message, listing.language());
    if (!listing.status().active()) {
      return Optional.of(replies.say(message, language, "renew.closed", listing.ref()));
    }
    return Optional.of(
        said.get().yes()
            ? renew(message, listing, language)
            : withdraw(message, listing, language));
  }

  /**
   * The listing named by reference, or by the question answered; only the author's own, on any of
   * their linked identities.
   */
  private Optional<Listing> about(
      InboundMessage message, YesNo said, Optional<String> repliedTopic) {
    Optional<Listing> named =
        said.ref() != null
            ? store.listingByRef(said.ref())
            : repliedTopic
                .filter(t -> t.startsWith(TOPIC))
                .flatMap(t -> store.listingById(Long.parseLong(t.substring(TOPIC.length()))));
    return named.filter(l -> store.provenLinkedWith(message.sender()).contains(l.author()));
  }

  private List<OutboundMessage> renew(InboundMessage message, Listing listing, String language) {
    Instant renewed = clock.instant().plus(settings.expiryFor(listing.categories()));
    Instant until = renewed.isAfter(listing.expiresAt()) ? renewed : listing.expiresAt();
    store.setExpiry(listing.id(), until);
    return replies.say(message, language, "renew.yes", listing.ref(), DAY.format(until));
  }

  private List<OutboundMessage> withdraw(InboundMessage message, Listing listing, String language) {
    store.updateStatus(listing.id(), Status.WITHDRAWN);
    List<OutboundMessage> out =
        new ArrayList<>(replies.say(message, language, "withdraw.ok", listing.ref()));
    out.addAll(notifier.closed(listing));
    return out;
  }

  private OutboundMessage question(Listing listing) {
    String language = Texts.supported(listing.language());
    String key = listing.kind() == Kind.NEED ? "renew.ask.need" : "renew.ask.offer";
    // The number as text: a number argument has MessageFormat build a DecimalFormat for each
    // question (thousands of them in the first housekeeping after a large import), and the
    // optimising compiler's work on that pattern parser was one of the memory's peaks.
    String days = Long.toString(settings.expiryFor(listing.categories()).toDays());
    String text =
        Texts.get(
            language, key, listing.ref(), listing.summary(), DAY.format(listing.expiresAt()), days);
    return replies
        .toAuthor(listing, text)
        .withSubject(
            Texts.get(
                language,
                "subject.listing",
                ListingCommands.kindWord(listing, language),
                listing.ref(),
                listing.summary()))
        .about(TOPIC + listing.id())
        .withChoices(
            List.of(
                new Choice(Texts.get(language, "choice.yes"), "yes " + listing.ref()),
                new Choice(Texts.get(language, "choice.no"), "no " + listing.ref())));
  }
}
