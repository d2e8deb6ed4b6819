package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.DeadLetter;
import org.aidbridge.bot.store.Store;

/**
 * What only coordinators may do: broadcast to the groups of an area, close or hide any listing, ban
 * someone who abuses the bot, and see statistics. Coordinators are configured identities, or
 * identities linked with one on both sides proven. Whether the sender proved to be one is decided
 * before, by {@link ProofPolicy}.
 */
public final class Coordination {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Coordination.class);
  private static final int DEAD_LETTERS_SHOWN = 20;
  private static final java.time.format.DateTimeFormatter DEAD_LETTER_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  private final Store store;
  private final Broadcasts broadcasts;
  private final DashboardAccess dashboard;
  private final Digests digests;
  private final MatchNotifier notifier;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  public Coordination(
      Store store,
      Broadcasts broadcasts,
      DashboardAccess dashboard,
      Digests digests,
      MatchNotifier notifier,
      Replies replies,
      BotSettings settings,
      Clock clock) {
    this.store = store;
    this.broadcasts = broadcasts;
    this.dashboard = dashboard;
    this.digests = digests;
    this.notifier = notifier;
    this.replies = replies;
    this.settings = settings;
    this.clock = clock;
  }

  public boolean isCoordinator(Address person) {
    return isCoordinator(store, settings, person);
  }

  /**
   * A configured coordinator, or an identity linked with one on both sides proven: the one rule for
   * every command. A link kept from before links were proven gives no rights.
   */
  static boolean isCoordinator(Store store, BotSettings settings, Address person) {
    return store.provenLinkedWith(person).stream().anyMatch(settings::isCoordinator);
  }

  public boolean isBanned(Address person) {
    return store.isBanned(person);
  }

  /** Runs a coordinator command, or explains kindly that it is for coordinators only. */
  public List<OutboundMessage> run(
      InboundMessage message, String name, String args, String language) {
    // A group's admins coordinate their own group: they may post its digest there.
    boolean groupAdmin = name.equals("digest") && message.inGroup() && message.senderIsGroupAdmin();
    if (!groupAdmin && !isCoordinator(message.sender())) {
      return replies.say(message, language, "coordinator.only");
    }
    return switch (name) {
      case "broadcast" -> broadcasts.command(message, args, language);
      case "dashboard" -> dashboard.link(message, language);
      case "close" -> close(message, args, language);
      case "hide" -> hide(message, args, language);
      case "ban" -> ban(message, args, language);
      case "digest" -> digest(message, language);
      case "deadletters" -> deadLetters(message, language);
      case "retry" -> retry(message, args, language);
      default -> stats(message, language);
    };
  }

  /**
   * {@code deadletters}: outbox entries set aside after failing too often, by number, channel and
   * kind of recipient, with the last failure; never who they were for or what they said.
   */
  private List<OutboundMessage> deadLetters(InboundMessage message, String language) {
    List<DeadLetter> dead = store.deadLetters(DEAD_LETTERS_SHOWN);
    if (dead.isEmpty()) {
      return replies.say(message, language, "deadletters.none");
    }
    StringBuilder lines = new StringBuilder();
    for (DeadLetter d : dead) {
      String to = Texts.get(language, d.toGroup() ? "deadletters.group" : "deadletters.person");
      String queued = DEAD_LETTER_TIME.format(d.createdAt());
      lines.append(
          Texts.get(
              language,
              "deadletters.item",
              Long.toString(d.id()),
              d.channel().id(),
              to,
              queued,
              Integer.toString(d.failures()),
              d.lastError() == null ? "?" : d.lastError()));
      lines.append('\n');
    }
    return replies.say(
        message, language, "deadletters.list", Integer.toString(dead.size()), lines.toString());
  }

  /** {@code retry <number>}: a dead letter goes back into the outbox. */
  private List<OutboundMessage> retry(InboundMessage message, String args, String language) {
    String word = firstWord(args).replace("#", "");
    if (!word.matches("\\d{1,18}")) {
      return replies.say(message, language, "retry.usage");
    }
    if (!store.retryDeadLetter(Long.parseLong(word), clock.instant())) {
      return replies.say(message, language, "retry.unknown", word);
    }
    LOG.info("a coordinator queued dead letter {} again", word);
    return replies.say(message, language, "retry.done", word);
  }

  private List<OutboundMessage> close(InboundMessage message, String args, String language) {
    Optional<Listing> listing = activeByRef(args);
    if (listing.isEmpty()) {
      return replies.say(
          message, language, "ref.unknown.any", ListingRefs.normalize(firstWord(args)));
    }
    Listing l = listing.get();
    List<OutboundMessage> out =
        new ArrayList<>(replies.say(message, language, "close.done", l.ref()));
    out.addAll(closeByCoordinator(store, replies, notifier, l));
    return out;
  }

  /** Withdraws a listing for a coordinator: its author and whoever it was matched with are told. */
  static List<OutboundMessage> closeByCoordinator(
      Store store, Replies replies, MatchNotifier notifier, Listing l) {
    store.updateStatus(l.id(), Status.WITHDRAWN);
    List<OutboundMessage> out = new ArrayList<>();
    out.add(replies.toAuthor(l, Texts.get(l.language(), "closed.by.coordinator", l.ref())));
    out.addAll(notifier.closed(l));
    return out;
  }

  private List<OutboundMessage> hide(InboundMessage message, String args, String language) {
    Optional<Listing> listing = activeByRef(args);
    if (listing.isEmpty()) {
      return replies.say(
          message, language, "ref.unknown.any", ListingRefs.normalize(firstWord(args)));
    }
    store.updateStatus(listing.get().id(), Status.HIDDEN);
    return replies.say(message, language, "hide.done", listing.get().ref());
  }

  /** Bans the author of a listing ({@code ban N-7K2}) or an identity ({@code ban telegram:123}). */
  private List<OutboundMessage> ban(InboundMessage message, String args, String language) {
    String word = firstWord(args);
    Optional<Address> who =
        ListingRefs.looksLikeRef(word)
            ? store.listingByRef(ListingRefs.normalize(word)).map(Listing::author)
            : parseIdentity(word);
    if (who.isEmpty()) {
      return replies.say(message, language, "ban.usage");
    }
    for (Address identity : store.linkedWith(who.get())) {
      store.ban(identity, clock.instant());
      store.activeListingsOf(identity).forEach(l -> store.updateStatus(l.id(), Status.HIDDEN));
    }
    return replies.say(message, language, "ban.done");
  }

  /**
   * {@code digest}: the digest now, besides the daily one. In a subscribed group, that group's; in
   * private, every subscribed group's.
   */
  private List<OutboundMessage> digest(InboundMessage message, String language) {
    List<Subscription> groups =
        message.inGroup()
            ? store.subscriptionOf(message.group()).stream().toList()
            : store.subscriptions();
    List<OutboundMessage> out = new ArrayList<>();
    for (Subscription s : groups) {
      out.addAll(digests.digestFor(s, clock.instant()));
    }
    if (!message.inGroup() || out.isEmpty()) {
      out.addAll(replies.say(message, language, "digest.done", groups.size()));
    }
    return out;
  }

  private List<OutboundMessage> stats(InboundMessage message, String language) {
    Stats stats = Stats.of(store, clock.instant());
    String median = stats.medianTimeToMatch().map(Coordination::hours).orElse("\u2014");
    return List.of(
        replies.toPerson(
            message,
            language,
            Texts.get(
                language,
                "stats",
                stats.openNeeds(),
                stats.openOffers(),
                stats.byCategory(),
                stats.byArea(),
                stats.matches(),
                median,
                stats.escalations())));
  }

  private Optional<Listing> activeByRef(String args) {
    String word = firstWord(args);
    return word.isEmpty()
        ? Optional.empty()
        : store.listingByRef(ListingRefs.normalize(word)).filter(l -> l.status().active());
  }

  private static Optional<Address> parseIdentity(String word) {
    try {
      return Optional.of(Address.parsePerson(word));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String firstWord(String args) {
    return args.isBlank() ? "" : args.strip().split("\\s+")[0];
  }

  private static String hours(Duration d) {
    return d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min";
  }
}
