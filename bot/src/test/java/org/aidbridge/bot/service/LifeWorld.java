package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Proof;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;

/**
 * The bot as it runs (real parser, gazetteer and SQLite store), its housekeeping, and a clock the
 * test moves: what the tests of the listings' life talk to.
 */
final class LifeWorld implements AutoCloseable {
  static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
  static final Gazetteer PLACES = Gazetteer.loadDefault();

  /** Places of subscribed groups, by distance from Portland, Oregon. */
  static final Place VANCOUVER_WA = new Place("Vancouver", "Vancouver", "US", 45.6387, -122.6615);

  static final Place SALEM_OR = new Place("Salem", "Salem", "US", 44.9429, -123.0351);
  static final Place SEATTLE = new Place("Seattle", "Seattle", "US", 47.6062, -122.3321);
  static final Place TORONTO = new Place("Toronto", "Toronto", "CA", 43.6532, -79.3832);
  static final Place PORTLAND_OR = new Place("Portland", "Portland", "US", 45.5152, -122.6784);

  final MutableClock clock = new MutableClock(START);
  final Store store;
  final BotService bot;
  final Housekeeping housekeeping;
  private final AtomicInteger ids = new AtomicInteger();

  LifeWorld(BotSettings settings) {
    this(SqliteStore.open(":memory:"), settings);
  }

  LifeWorld(Path file, BotSettings settings) {
    this(SqliteStore.open(file.toString()), settings);
  }

  private LifeWorld(Store store, BotSettings settings) {
    this.store = store;
    this.bot = Bots.create(store, settings, clock, new LexiconParser(PLACES), PLACES);
    this.housekeeping = Bots.housekeeping(store, settings, clock);
  }

  /** A private message; its id contains the sender's, as Signal's do. */
  List<OutboundMessage> say(Address from, String text) {
    return bot.handle(message(from, text, null));
  }

  /** An answer to a message the bot sent. */
  List<OutboundMessage> answer(Address from, String text, OutboxEntry sent) {
    return bot.handle(message(from, text, sent.channelMessageId()));
  }

  InboundMessage message(Address from, String text, String replyTo) {
    return new InboundMessage(
            from.channel(),
            from.id() + ":" + ids.incrementAndGet(),
            from,
            null,
            text,
            null,
            null,
            replyTo,
            true,
            false,
            clock.instant())
        // Mail here comes vouched for by its server (DKIM): what unproven mail may do is in
        // ProofPolicyTest.
        .withProof(from.channel() == Channel.EMAIL ? Proof.MAIL_SERVER : Proof.PLATFORM);
  }

  List<OutboundMessage> run() {
    return housekeeping.run(clock.instant());
  }

  /** Marks every due message of a channel sent, as a channel would, and returns them. */
  List<OutboxEntry> sendAll(Channel channel) {
    List<OutboxEntry> due = store.dueOutbox(channel, clock.instant(), 1000);
    due.forEach(e -> store.markSent(e.id(), "sent-" + e.id(), clock.instant()));
    return due.stream().map(e -> store.outboxEntry(e.id()).orElseThrow()).toList();
  }

  void subscribe(Address group, Place center, double radiusKm, String language) {
    store.saveSubscription(new Subscription(group, center, radiusKm, Set.of(), language));
  }

  Listing only(Address author) {
    List<Listing> mine = store.activeListingsOf(author);
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }

  Listing reread(Listing listing) {
    return store.listingById(listing.id()).orElseThrow();
  }

  static List<OutboundMessage> to(List<OutboundMessage> out, Address who) {
    return out.stream().filter(o -> o.to().equals(who)).toList();
  }

  static OutboundMessage onlyTo(List<OutboundMessage> out, Address who) {
    assertThat(to(out, who)).hasSize(1);
    return to(out, who).get(0);
  }

  @Override
  public void close() {
    store.close();
  }
}
