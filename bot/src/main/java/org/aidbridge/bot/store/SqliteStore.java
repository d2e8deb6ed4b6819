package org.aidbridge.bot.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;

/**
 * The store in one SQLite database file (WAL mode, foreign keys on), through one connection that
 * threads take turns on. The schema is brought up to date by {@link Migrations} when it opens.
 *
 * <p>Instants are kept to the millisecond.
 */
public final class SqliteStore implements Store {
  private final Database db;
  private final InboxTable inbox;
  private final ListingTable listings;
  private final MatchTable matches;
  private final OutboxTable outbox;
  private final GroupTable groups;
  private final LinkTable links;
  private final LifecycleTable lifecycle;
  private final PersonEraser eraser;

  private SqliteStore(Database db, RandomGenerator random) {
    this.db = db;
    this.inbox = new InboxTable(db);
    this.listings = new ListingTable(db, random);
    this.matches = new MatchTable(db, listings);
    this.outbox = new OutboxTable(db);
    this.groups = new GroupTable(db);
    this.links = new LinkTable(db);
    this.lifecycle = new LifecycleTable(db);
    this.eraser = new PersonEraser(db);
  }

  /**
   * Opens (creating if needed) the database and brings its schema up to date.
   *
   * @param fileOrJdbcUrl a file path (missing parent directories are created), {@code :memory:} for
   *     a database that lives as long as the store, or a {@code jdbc:sqlite:} URL
   */
  public static SqliteStore open(String fileOrJdbcUrl) {
    return open(fileOrJdbcUrl, new SecureRandom());
  }

  /** As {@link #open(String)}, drawing listing references from {@code random}. */
  static SqliteStore open(String fileOrJdbcUrl, RandomGenerator random) {
    Database db = new Database(SqliteConnector.connect(fileOrJdbcUrl));
    try {
      SchemaUpgrade.run(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new SqliteStore(db, random);
  }

  @Override
  public OptionalLong recordInbound(InboundMessage message) {
    return inbox.record(message);
  }

  @Override
  public List<StoredInbound> unprocessedInbound(int limit) {
    return inbox.unprocessed(limit);
  }

  @Override
  public void markProcessed(long inboxId) {
    inbox.markProcessed(inboxId);
  }

  @Override
  public Listing insertListing(Listing draft) {
    return listings.insert(draft);
  }

  @Override
  public Optional<Listing> listingById(long id) {
    return listings.byId(id);
  }

  @Override
  public Optional<Listing> listingByRef(String ref) {
    return listings.byRef(ref);
  }

  @Override
  public Optional<Listing> listingByExternalId(String externalId) {
    return listings.byExternalId(externalId);
  }

  @Override
  public List<Listing> activeListingsOf(Address author) {
    return listings.activeOf(author);
  }

  @Override
  public List<Listing> activeListings(Kind kind, Set<Category> anyOf, Instant now) {
    return listings.active(kind, anyOf, now);
  }

  @Override
  public List<Listing> activeListingsNear(
      Kind kind, Set<Category> anyOf, Place center, double radiusKm, Instant now) {
    return listings.activeNear(kind, anyOf, center.lat(), center.lon(), radiusKm, now);
  }

  @Override
  public List<Listing> allListings() {
    return listings.all();
  }

  @Override
  public void updateStatus(long listingId, Status status) {
    listings.updateStatus(listingId, status);
  }

  @Override
  public void updateListing(Listing listing) {
    listings.updateDetails(listing);
  }

  @Override
  public Match insertMatch(Match match) {
    return matches.insert(match);
  }

  @Override
  public List<Match> matchesOf(long listingId) {
    return matches.of(listingId);
  }

  @Override
  public OutboxEntry enqueue(OutboundMessage message, Instant now) {
    return outbox.enqueue(message, now);
  }

  @Override
  public List<OutboxEntry> dueOutbox(Channel channel, Instant now, int limit) {
    return outbox.due(channel, now, limit);
  }

  @Override
  public void markSent(long outboxId, String channelMessageId, Instant at) {
    outbox.markSent(outboxId, channelMessageId, at);
  }

  @Override
  public void deferRecipient(Address to, Instant notBefore, String reason) {
    outbox.deferRecipient(to, notBefore, reason);
  }

  @Override
  public void markUndeliverable(long outboxId, String reason) {
    outbox.markUndeliverable(outboxId, reason);
  }

  @Override
  public Optional<OutboxEntry> sentMessage(Channel channel, String channelMessageId) {
    return outbox.sent(channel, channelMessageId);
  }

  @Override
  public Optional<OutboxEntry> outboxEntry(long outboxId) {
    return outbox.byId(outboxId);
  }

  @Override
  public OutboxBacklog outboxBacklog() {
    return outbox.backlog();
  }

  @Override
  public void saveSubscription(Subscription subscription) {
    groups.save(subscription);
  }

  @Override
  public boolean deleteSubscription(Address group) {
    return groups.delete(group);
  }

  @Override
  public Optional<Subscription> subscriptionOf(Address group) {
    return groups.of(group);
  }

  @Override
  public List<Subscription> subscriptions() {
    return groups.all();
  }

  @Override
  public void moveGroup(Address from, Address to) {
    db.inTransaction(
        () -> {
          groups.move(from, to);
          outbox.movePending(from, to);
          return null;
        });
  }

  @Override
  public void setUnreachable(Address address, boolean unreachable) {
    groups.setUnreachable(address, unreachable);
  }

  @Override
  public boolean isUnreachable(Address address) {
    return groups.isUnreachable(address);
  }

  @Override
  public Optional<String> state(String key) {
    return db.one("SELECT value FROM state WHERE key = ?", row -> row.getString(1), key);
  }

  @Override
  public void putState(String key, String value) {
    db.update("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", key, value);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return db.inTransaction(work::get);
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public void link(Address a, Address b) {
    links.link(a, b);
  }

  @Override
  public boolean unlink(Address address) {
    return links.unlink(address);
  }

  @Override
  public Set<Address> linkedWith(Address address) {
    return links.linkedWith(address);
  }

  @Override
  public List<Listing> activeListingsExpiringBy(Instant until) {
    return lifecycle.activeExpiringBy(until);
  }

  @Override
  public void setExpiry(long listingId, Instant expiresAt) {
    lifecycle.setExpiry(listingId, expiresAt);
  }

  @Override
  public boolean markRenewalAsked(long listingId, Instant expiresAt, Instant at) {
    return lifecycle.markRenewalAsked(listingId, expiresAt, at);
  }

  @Override
  public List<Listing> awaitingRenewal(Address author) {
    return lifecycle.awaitingRenewal(author);
  }

  @Override
  public List<Listing> openUnmatchedNeeds(Instant now) {
    return lifecycle.openUnmatchedNeeds(now);
  }

  @Override
  public boolean recordEscalation(long listingId, int ring, Instant at) {
    return lifecycle.recordEscalation(listingId, ring, at);
  }

  @Override
  public List<Integer> escalationsOf(long listingId) {
    return lifecycle.escalationsOf(listingId);
  }

  @Override
  public Map<Integer, Long> escalationsPerRing() {
    return lifecycle.escalationsPerRing();
  }

  @Override
  public boolean markDigestSent(Address group, String period, Instant at) {
    return lifecycle.markDigestSent(group, period, at);
  }

  @Override
  public void forget(Address who) {
    eraser.forget(who);
  }

  @Override
  public int deleteProcessedInboundBefore(Instant before) {
    return lifecycle.deleteProcessedInboundBefore(before);
  }

  @Override
  public int deleteFinishedOutboxBefore(Instant before) {
    return lifecycle.deleteFinishedOutboxBefore(before);
  }

  @Override
  public int deleteSentOutboxAbout(String topic) {
    return lifecycle.deleteSentOutboxAbout(topic);
  }

  @Override
  public int eraseClosedListingsBefore(Instant before) {
    return lifecycle.eraseClosedListingsBefore(before);
  }
}
