package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;

/**
 * Lets the two people of a match talk through the bot, each on their own channel, without either
 * learning the other's address: by answering a match notice or a relayed message, or with {@code
 * reply <ref> <text>}. Contact details pass only when both send {@code share <ref>}.
 */
public final class Relay {
  /** Enough for a real conversation, too few for spam through the bot. */
  static final int MAX_RELAYS_PER_HOUR = 30;

  private final Store store;
  private final Replies replies;
  private final Links links;
  private final Clock clock;

  public Relay(Store store, Replies replies, Links links, Clock clock) {
    this.store = store;
    this.replies = replies;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Relays {@code message} if it answers a message about a match that its sender takes part in.
   *
   * @return the messages to send, or empty when the message is not such an answer
   */
  public Optional<List<OutboundMessage>> relay(InboundMessage message, String text) {
    if (message.inGroup()) {
      return Optional.empty();
    }
    Optional<MatchPair> pair =
        store
            .sentMessage(message.channel(), message.replyTo())
            .map(OutboxEntry::message)
            .map(OutboundMessage::topic)
            .flatMap(this::pairOf)
            .filter(p -> sides(p, message) != null);
    return pair.map(p -> pass(message, p, text));
  }

  /** {@code reply <ref> <text>}: the ref of either listing of the match. */
  public List<OutboundMessage> replyByRef(InboundMessage message, String args, String language) {
    String[] parts = args.strip().split("\\s+", 2);
    Optional<MatchPair> pair = pairByRef(message, parts[0]);
    if (pair.isEmpty()) {
      return replies.say(message, language, "ref.unknown", ListingRefs.normalize(parts[0]));
    }
    if (parts.length < 2 || parts[1].isBlank()) {
      return replies.say(message, language, "relay.empty", ListingRefs.normalize(parts[0]));
    }
    return pass(message, pair.get(), parts[1].strip());
  }

  /** {@code share <ref>}: consent to swap contact details; both must give it. */
  public List<OutboundMessage> share(InboundMessage message, String args, String language) {
    String typed = args.strip().split("\\s+")[0];
    Optional<MatchPair> pair = pairByRef(message, typed);
    if (pair.isEmpty()) {
      return replies.say(message, language, "ref.unknown", ListingRefs.normalize(typed));
    }
    MatchPair p = pair.get();
    Listing[] sides = sides(p, message);
    Set<Kind> given = store.shareConsents(p.need().id(), p.offer().id());
    if (given.containsAll(EnumSet.allOf(Kind.class))) {
      return replies.say(message, language, "share.already", sides[1].ref());
    }
    store.consentToShare(p.need().id(), p.offer().id(), sides[0].kind(), clock.instant());
    if (!given.contains(sides[1].kind())) {
      return replies.say(message, language, "share.waiting", sides[1].ref());
    }
    List<OutboundMessage> out = new ArrayList<>();
    out.add(contactFor(sides[0], sides[1]));
    out.add(contactFor(sides[1], sides[0]));
    return out;
  }

  private OutboundMessage contactFor(Listing to, Listing about) {
    String language = to.language();
    String text =
        Texts.get(language, "share.contact", about.ref(), ContactCard.describe(about.author()));
    return replies.toAuthor(to, text).about(MatchNotifier.topicOf(to, about));
  }

  private List<OutboundMessage> pass(InboundMessage message, MatchPair pair, String text) {
    Listing[] sides = sides(pair, message);
    Listing own = sides[0];
    Listing other = sides[1];
    String language = replies.languageOf(message, own.language());
    if (!own.status().active() || !other.status().active()) {
      String closed = own.status().active() ? other.ref() : own.ref();
      return replies.say(message, language, "relay.closed", closed);
    }
    if (!withinRate(message)) {
      return replies.say(message, language, "relay.too.many");
    }
    String theirs = other.language();
    OutboundMessage forward =
        replies
            .toAuthor(other, Texts.get(theirs, "relay.forward", other.ref(), text))
            .withSubject(Texts.get(theirs, "subject.relay", other.ref()))
            .about(pair.topic());
    return List.of(forward);
  }

  /** Counts relays per person per clock hour in the store, so a restart does not reset them. */
  private boolean withinRate(InboundMessage message) {
    long hour = clock.instant().getEpochSecond() / Duration.ofHours(1).toSeconds();
    if (store.relaysIn(message.sender(), hour) >= MAX_RELAYS_PER_HOUR) {
      return false;
    }
    store.countRelay(message.sender(), hour);
    return true;
  }

  /** The match between the listing with this ref and one of the sender's own listings. */
  private Optional<MatchPair> pairByRef(InboundMessage message, String typed) {
    if (typed.isBlank()) {
      return Optional.empty();
    }
    Optional<Listing> listing = store.listingByRef(ListingRefs.normalize(typed));
    if (listing.isEmpty()) {
      return Optional.empty();
    }
    List<MatchPair> pairs =
        store.matchesOf(listing.get().id()).stream()
            .map(m -> pairOf(MatchNotifier.topic(m)))
            .flatMap(Optional::stream)
            .filter(p -> sides(p, message) != null)
            .toList();
    // With your own ref and several matches it is unclear whom you mean: use theirs.
    return pairs.size() == 1 ? Optional.of(pairs.get(0)) : Optional.empty();
  }

  private Optional<MatchPair> pairOf(String topic) {
    if (topic == null || !topic.startsWith("match:")) {
      return Optional.empty();
    }
    String[] ids = topic.split(":");
    Optional<Listing> need = store.listingById(Long.parseLong(ids[1]));
    Optional<Listing> offer = store.listingById(Long.parseLong(ids[2]));
    return need.isPresent() && offer.isPresent()
        ? Optional.of(new MatchPair(need.get(), offer.get()))
        : Optional.empty();
  }

  /** {own, other} seen from the sender (or a linked identity), or null when neither author. */
  private Listing[] sides(MatchPair pair, InboundMessage message) {
    if (links.samePerson(pair.need().author(), message.sender())) {
      return new Listing[] {pair.need(), pair.offer()};
    }
    if (links.samePerson(pair.offer().author(), message.sender())) {
      return new Listing[] {pair.offer(), pair.need()};
    }
    return null;
  }

  /** A need and an offer that were matched. */
  private record MatchPair(Listing need, Listing offer) {
    String topic() {
      return "match:" + need.id() + ":" + offer.id();
    }
  }
}
