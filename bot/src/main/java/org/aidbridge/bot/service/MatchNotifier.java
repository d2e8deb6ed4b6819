package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.BotEvents;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.Store;

/**
 * Tells people and groups about matches and urgent needs. Messages name listings by reference and
 * summary only: never an author, an address or the original text (which may hold a phone number).
 */
public final class MatchNotifier {
  private final Store store;
  private final Matcher matcher;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  private final BotEvents events;

  public MatchNotifier(
      Store store, Matcher matcher, Replies replies, BotSettings settings, Clock clock) {
    this(store, matcher, replies, settings, clock, BotEvents.NONE);
  }

  public MatchNotifier(
      Store store,
      Matcher matcher,
      Replies replies,
      BotSettings settings,
      Clock clock,
      BotEvents events) {
    this.events = events;
    this.store = store;
    this.matcher = matcher;
    this.replies = replies;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Matches a listing just stored, stores the matches and says who needs to hear of them. (Just
   * stored, it has no matches yet: none are read.)
   */
  public List<OutboundMessage> announce(Listing fresh) {
    return announce(fresh, Set.of(), Set.of());
  }

  /**
   * Matches a listing that is new or just got more precise. Matches it already had are not told
   * again, nor are the groups in {@code alreadyTold} told again of the listing itself.
   */
  public List<OutboundMessage> announce(Listing fresh, Set<Address> alreadyTold) {
    Set<String> known = new HashSet<>();
    store.matchesOf(fresh.id()).forEach(m -> known.add(topic(m)));
    return announce(fresh, alreadyTold, known);
  }

  /** {@code known}: the topics of the matches the listing had before. */
  private List<OutboundMessage> announce(
      Listing fresh, Set<Address> alreadyTold, Set<String> known) {
    Instant now = clock.instant();
    List<OutboundMessage> out = new ArrayList<>();
    Map<Address, OutboundMessage> toGroups = new LinkedHashMap<>();
    // Read once: each match and the urgent notice look through the same subscriptions.
    List<Subscription> subscriptions = store.subscriptions();
    Set<Long> setMatched = new HashSet<>();
    List<Match> found = new ArrayList<>();
    for (Match match : matcher.matchesFor(fresh, now, settings.notifyMax())) {
      if (!known.contains(topic(match))) {
        found.add(match);
      }
    }
    for (Match match : store.insertMatches(found)) {
      events.matchCreated();
      setMatched(match.need(), setMatched);
      setMatched(match.offer(), setMatched);
      out.add(notice(match, match.need()));
      out.add(notice(match, match.offer()));
      for (Subscription s : subscriptions) {
        if (s.covers(match.need()) || s.covers(match.offer())) {
          toGroups.putIfAbsent(s.group(), groupMatch(s, match));
        }
      }
    }
    if (fresh.kind() == Kind.NEED && fresh.urgency() == Urgency.HIGH) {
      for (Subscription s : subscriptions) {
        if (s.covers(fresh)
            && !toGroups.containsKey(s.group())
            && !alreadyTold.contains(s.group())) {
          toGroups.put(
              s.group(),
              groupText(
                      s,
                      "group.urgent",
                      fresh.ref(),
                      fresh.summary(),
                      ListingCommands.placeSuffix(fresh, s.language()))
                  .about(LISTING_TOPIC + fresh.ref()));
        }
      }
    }
    out.addAll(toGroups.values());
    return out;
  }

  /**
   * Sets a listing matched unless it is so already: as read in this transaction (the matcher reads
   * the other listing from the store, the caller the fresh one) or as set by this announcement
   * ({@code setHere}). A listing matched five times at once was otherwise set five times, each an
   * update that changed nothing and a query to tell that apart from a missing listing: 108,000 of
   * the 431,000 statements the load harness ran for 20,000 messages.
   */
  private void setMatched(Listing listing, Set<Long> setHere) {
    if (listing.status() != Status.MATCHED && setHere.add(listing.id())) {
      store.updateStatus(listing.id(), Status.MATCHED);
    }
  }

  /** When a listing is closed, the people it was matched with hear of it. */
  public List<OutboundMessage> closed(Listing listing) {
    List<OutboundMessage> out = new ArrayList<>();
    for (Match match : store.matchesOf(listing.id())) {
      Listing other = store.listingById(match.counterpart(listing).id()).orElse(null);
      if (other != null && other.status().active()) {
        String language = other.language();
        out.add(
            replies
                .toAuthor(
                    other, Texts.get(language, "done.counterpart", listing.ref(), other.ref()))
                .about(topic(match)));
      }
    }
    return out;
  }

  /** The groups whose subscription covers a listing. */
  public Set<Address> groupsCovering(Listing listing) {
    Set<Address> groups = new HashSet<>();
    for (Subscription s : store.subscriptions()) {
      if (s.covers(listing)) {
        groups.add(s.group());
      }
    }
    return groups;
  }

  /**
   * The topic of a message to a group about one listing. Forgetting the author deletes such
   * messages still waiting, as it does those about their matches.
   */
  public static final String LISTING_TOPIC = "listing:";

  /** The topic of every message about a match, so answers to them are relayed. */
  public static String topic(Match match) {
    return topicOf(match.need(), match.offer());
  }

  /** The topic of the match of two listings, in either order. */
  public static String topicOf(Listing one, Listing other) {
    Listing need = one.kind() == Kind.NEED ? one : other;
    Listing offer = need == one ? other : one;
    return "match:" + need.id() + ":" + offer.id();
  }

  private OutboundMessage notice(Match match, Listing own) {
    Listing other = match.counterpart(own);
    String language = own.language();
    String text =
        Texts.get(
            language,
            "match.notice",
            ListingCommands.kindWord(own, language),
            own.ref(),
            own.summary(),
            ListingCommands.kindWord(other, language),
            other.ref(),
            other.summary(),
            whereabouts(own, other, language));
    return replies
        .toAuthor(own, text)
        .withSubject(Texts.get(language, "subject.match", own.ref(), own.summary()))
        .about(topic(match));
  }

  private static String whereabouts(Listing own, Listing other, String language) {
    if (other.place() == null) {
      return "";
    }
    String where = Texts.get(language, "place.in", other.place().display());
    double km = own.place() == null ? -1 : own.place().distanceKm(other.place());
    return km < 0 ? where : where + Texts.get(language, "place.km", Math.round(km));
  }

  private OutboundMessage groupMatch(Subscription s, Match match) {
    String language = s.language();
    return groupText(
            s,
            "group.match",
            match.need().ref(),
            match.need().summary(),
            ListingCommands.placeSuffix(match.need(), language),
            match.offer().ref(),
            match.offer().summary(),
            ListingCommands.placeSuffix(match.offer(), language))
        .about(topic(match));
  }

  private static OutboundMessage groupText(Subscription s, String key, Object... args) {
    return OutboundMessage.to(s.group(), Texts.get(s.language(), key, args), s.language());
  }
}
