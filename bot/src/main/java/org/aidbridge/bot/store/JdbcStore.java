package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;

/**
 * The store over SQL tables, the same for SQLite ({@link SqliteStore}) and PostgreSQL ({@link
 * PostgresStore}): the tables' SQL runs on a {@link Database}, which is one shared connection or a
 * pool. The schema is brought up to date by Flyway ({@link SchemaUpgrade}) when it opens.
 *
 * <p>Instants are kept to the millisecond.
 */
public abstract class JdbcStore implements Store {
  private final Database db;
  private final SentJournal sentJournal;
  private final RawJournal rawJournal;
  private final InboxTable inbox;
  private final RawInboundTable raw;
  private final ListingTable listings;
  private final MatchTable matches;
  private final OutboxTable outbox;
  private final GroupTable groups;
  private volatile SubscriptionsRead subscriptionsRead;
  private final LinkTable links;
  private final LifecycleTable lifecycle;
  private final RetentionTable retention;
  private final PersonEraser eraser;
  private final ConversationTable conversations;
  private final PeopleTable people;
  private final InstallationKeys keys;
  private final ProofTables proofs;
  private final DashboardTable dashboard;
  private final List<ListingWatcher> watchers = new CopyOnWriteArrayList<>();

  // Values in one IN (...) at most: far below either database's limit on parameters.
  private static final int ASKED_AT_ONCE = 500;

  JdbcStore(Database db, RandomGenerator random) {
    this(db, SentJournal.beside(null), RawJournal.beside(null), random);
  }

  /**
   * With journals beside a SQLite file: what must be kept at once is written there first, without
   * waiting for the one connection (see SentJournal, RawJournal). A server database has none.
   */
  JdbcStore(Database db, SentJournal sentJournal, RawJournal rawJournal, RandomGenerator random) {
    this.db = db;
    this.sentJournal = sentJournal;
    this.rawJournal = rawJournal;
    this.inbox = new InboxTable(db);
    this.raw = new RawInboundTable(db);
    this.listings = new ListingTable(db, random);
    this.matches = new MatchTable(db, listings);
    this.outbox = new OutboxTable(db);
    this.groups = new GroupTable(db);
    this.links = new LinkTable(db);
    this.lifecycle = new LifecycleTable(db);
    this.retention = new RetentionTable(db);
    this.eraser = new PersonEraser(db);
    this.conversations = new ConversationTable(db);
    this.people = new PeopleTable(db);
    this.keys = new InstallationKeys(db);
    this.proofs = new ProofTables(db);
    this.dashboard = new DashboardTable(db);
  }

  @Override
  public OptionalLong recordInbound(InboundMessage message) {
    return db.inTransaction(
        () -> {
          OptionalLong id = inbox.record(message);
          db.requireDurable(); // the channel acknowledges it once this returns
          return id;
        });
  }

  @Override
  public List<StoredInbound> recordInbound(List<InboundMessage> messages, Runnable withStoring) {
    return db.inTransaction(
        () -> {
          List<StoredInbound> stored = new java.util.ArrayList<>(messages.size());
          for (InboundMessage m : messages) {
            inbox.record(m).ifPresent(id -> stored.add(new StoredInbound(id, m)));
          }
          withStoring.run();
          db.requireDurable();
          return stored;
        });
  }

  @Override
  public List<StoredInbound> unprocessedInbound(int limit) {
    return inbox.unprocessed(limit);
  }

  @Override
  public boolean markProcessed(long inboxId) {
    return inbox.markProcessed(inboxId);
  }

  @Override
  public List<StoredInbound> dueInbound(Instant now, int limit) {
    return inbox.due(now, limit);
  }

  @Override
  public int retryInboundLater(long inboxId, Instant at, boolean countAttempt) {
    return inbox.retryLater(inboxId, at, countAttempt);
  }

  @Override
  public boolean giveUpInbound(long inboxId) {
    return inbox.giveUp(inboxId);
  }

  @Override
  public void journalRawInbound(Channel channel, String payload, Instant receivedAt) {
    rawJournal.appendAhead(channel, payload, receivedAt);
  }

  @Override
  public long storeRawInbound(Channel channel, String payload, Instant receivedAt) {
    // Written down at once (or already, by journalRawInbound), without waiting for the
    // connection: see RawJournal.
    String key = rawJournal.append(channel, payload, receivedAt);
    boolean stored = false;
    try {
      // Ahead of queued handling: the reading thread reads on only once this returns.
      long id = db.urgently(() -> raw.insert(channel, payload, receivedAt));
      stored = true;
      return id;
    } finally {
      if (key != null) {
        rawJournal.settled(key, stored);
      }
    }
  }

  @Override
  public List<RawInbound> dueRawInbound(Channel channel, Instant now, int limit) {
    return raw.due(channel, now, limit);
  }

  @Override
  public List<RawInbound> rawInboundAfter(Channel channel, long afterId, int limit) {
    return raw.after(channel, afterId, limit);
  }

  @Override
  public int rawInboundCount(Channel channel) {
    return raw.count(channel);
  }

  @Override
  public void deleteRawInbound(long rawId) {
    raw.delete(rawId);
  }

  @Override
  public void retryRawInboundLater(long rawId, Instant at, String error) {
    raw.retryLater(rawId, at, error);
  }

  @Override
  public Listing insertListing(Listing draft) {
    Listing stored = listings.insert(draft);
    tellWatchersOfNew(stored);
    return stored;
  }

  @Override
  public List<Listing> insertListings(List<Listing> drafts) {
    return db.atomically(
        () -> {
          List<Listing> stored = listings.insertAll(drafts);
          stored.forEach(this::tellWatchersOfNew);
          return stored;
        });
  }

  private void tellWatchersOfNew(Listing stored) {
    if (!watchers.isEmpty()) {
      watchers.forEach(w -> w.changed(stored));
      db.onRollback(() -> tellWatchers(stored.id()));
    }
  }

  @Override
  public Optional<Listing> listingById(long id) {
    return listings.byId(id);
  }

  @Override
  public List<Listing> listingsByIds(java.util.Collection<Long> ids) {
    return listings.byIds(ids);
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
  public Set<String> externalIdsPresent(java.util.Collection<String> externalIds) {
    return present("SELECT external_id FROM listings WHERE external_id IN ", externalIds);
  }

  @Override
  public Set<String> stateKeysPresent(java.util.Collection<String> keys) {
    return present("SELECT key FROM state WHERE key IN ", keys);
  }

  /** Values asked about ({@link #ASKED_AT_ONCE} to a query) that {@code select} finds. */
  private Set<String> present(String select, java.util.Collection<String> values) {
    Set<String> found = new java.util.HashSet<>();
    List<String> asked = List.copyOf(values);
    for (int from = 0; from < asked.size(); from += ASKED_AT_ONCE) {
      List<String> part = asked.subList(from, Math.min(asked.size(), from + ASKED_AT_ONCE));
      String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
      db.forEach(select + "(" + marks + ")", row -> found.add(row.getString(1)), part.toArray());
    }
    return found;
  }

  @Override
  public List<Listing> activeListingsOf(Address author) {
    return listings.activeOf(author);
  }

  @Override
  public List<Listing> allListings() {
    return listings.all();
  }

  @Override
  public void forEachListing(Consumer<Listing> each) {
    listings.forEach(each);
  }

  @Override
  public List<Listing> activeListingsAfter(long afterId, int limit) {
    return listings.activeAfter(afterId, limit);
  }

  @Override
  public void watchListingChanges(ListingWatcher watcher) {
    db.exclusively(
        () -> {
          watchers.add(watcher);
          return null;
        });
  }

  @Override
  public void updateStatus(long listingId, Status status) {
    if (listings.updateStatus(listingId, status) && !watchers.isEmpty()) {
      for (ListingWatcher w : watchers) {
        if (!w.statusChanged(listingId, status)) {
          listings.byId(listingId).ifPresentOrElse(w::changed, () -> w.removed(listingId));
        }
      }
      db.onRollback(() -> tellWatchers(listingId));
    }
  }

  @Override
  public void updateListing(Listing listing) {
    listings.updateDetails(listing);
    changed(listing.id());
  }

  /** Tells the watchers how a listing is now, and again if the change is rolled back. */
  private void changed(long listingId) {
    if (!watchers.isEmpty()) {
      tellWatchers(listingId);
      db.onRollback(() -> tellWatchers(listingId));
    }
  }

  private void tellWatchers(long listingId) {
    Optional<Listing> now = listings.byId(listingId);
    for (ListingWatcher w : watchers) {
      if (now.isPresent()) {
        w.changed(now.get());
      } else {
        w.removed(listingId);
      }
    }
  }

  /** After a change to many listings at once, every watcher starts again from the store. */
  private void changedMany() {
    if (!watchers.isEmpty()) {
      refillWatchers();
      db.onRollback(this::refillWatchers);
    }
  }

  private void refillWatchers() {
    watchers.forEach(ListingWatcher::cleared);
    listings.forEachActive(l -> watchers.forEach(w -> w.changed(l)));
  }

  @Override
  public Match insertMatch(Match match) {
    return matches.insert(match);
  }

  @Override
  public List<Match> insertMatches(List<Match> found) {
    return found.isEmpty() ? List.of() : matches.insertAll(found);
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
  public void enqueueAll(List<OutboundMessage> messages, Instant now) {
    outbox.enqueueAll(messages, now);
  }

  @Override
  public List<OutboxEntry> dueOutbox(Channel channel, Instant now, int limit) {
    // What is sent must still be stored after a power cut: sync the commits that queued it. After
    // the read, so that the sync covers every entry it returns, also one committed by another
    // thread a moment before (a sync first left that moment open).
    List<OutboxEntry> due = outbox.due(channel, now, limit);
    db.requireDurable();
    return due;
  }

  @Override
  public void journalSent(long outboxId, String channelMessageId, Instant at) {
    sentJournal.appendAhead(outboxId, channelMessageId, at);
  }

  @Override
  public void markSent(long outboxId, String channelMessageId, Instant at) {
    // Written down at once, without waiting for the connection: see SentJournal.
    boolean written = sentJournal.append(outboxId, channelMessageId, at);
    boolean recorded = false;
    try {
      db.urgently(
          () -> {
            outbox.markSent(outboxId, channelMessageId, at);
            return null;
          });
      recorded = true;
    } finally {
      if (written) {
        sentJournal.settled(outboxId, recorded);
      }
    }
  }

  @Override
  public void deferRecipient(Address to, Instant notBefore, String reason) {
    outbox.deferRecipient(to, notBefore, reason);
  }

  @Override
  public boolean claimOutbox(long outboxId, Instant now, Instant leaseUntil) {
    return outbox.claim(outboxId, now, leaseUntil);
  }

  @Override
  public void renewOutboxLease(long outboxId, Instant leaseUntil) {
    outbox.renew(outboxId, leaseUntil);
  }

  @Override
  public void releaseOutbox(long outboxId, String reason) {
    outbox.release(outboxId, reason);
  }

  @Override
  public void recordOutboxFailure(long outboxId, Instant notBefore, String reason) {
    outbox.recordFailure(outboxId, notBefore, reason);
  }

  @Override
  public void markDeadLetter(long outboxId, String reason) {
    outbox.markDeadLetter(outboxId, reason);
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return outbox.deadLetters(limit);
  }

  @Override
  public boolean retryDeadLetter(long outboxId, Instant now) {
    return outbox.retryDeadLetter(outboxId, now);
  }

  @Override
  public int outboxResends(long outboxId) {
    return outbox.resendsOf(outboxId);
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

  /**
   * Every subscription. Each new listing looks through them all; where the database keeps a version
   * of them ({@link #subscriptionsVersion}), they are read again only when it has changed.
   */
  @Override
  public List<Subscription> subscriptions() {
    OptionalLong version = subscriptionsVersion();
    if (version.isEmpty()) {
      return groups.all();
    }
    SubscriptionsRead kept = subscriptionsRead;
    if (kept != null && kept.version() == version.getAsLong()) {
      return kept.subscriptions();
    }
    // Read after the version: if a change slips in between, these rows are newer than the
    // version they are kept under, and the next call, finding the version changed, reads again.
    List<Subscription> all = List.copyOf(groups.all());
    subscriptionsRead = new SubscriptionsRead(version.getAsLong(), all);
    return all;
  }

  /** The subscriptions as read when the database said {@code version}. */
  private record SubscriptionsRead(long version, List<Subscription> subscriptions) {}

  /**
   * A number the database draws anew, in the same transaction, with every change to a subscription
   * (schema steps 24 and 25; an undone change leaves the version before it); empty while there is
   * none (PostgreSQL until a subscription first changes), and the subscriptions are then read every
   * time.
   */
  private OptionalLong subscriptionsVersion() {
    return db.one("SELECT version FROM subscriptions_version WHERE one = 1", row -> row.getLong(1))
        .map(OptionalLong::of)
        .orElseGet(OptionalLong::empty);
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
  public void askQuestion(Address person, PendingQuestion question, Instant at) {
    conversations.ask(person, question, at);
  }

  @Override
  public Optional<PendingQuestion> takeQuestion(Address person, PendingQuestion.Topic topic) {
    return conversations.take(person, topic);
  }

  @Override
  public void ban(Address person, Instant at) {
    people.ban(person, at);
  }

  @Override
  public boolean isBanned(Address person) {
    return people.isBanned(person);
  }

  @Override
  public Set<Kind> shareConsents(long needId, long offerId) {
    return conversations.shareConsents(needId, offerId);
  }

  @Override
  public void consentToShare(long needId, long offerId, Kind side, Instant at) {
    conversations.consentToShare(needId, offerId, side, at);
  }

  @Override
  public int relaysIn(Address person, long hour) {
    return people.relaysIn(person, hour);
  }

  @Override
  public void countRelay(Address person, long hour) {
    people.countRelay(person, hour);
  }

  @Override
  public void saveBroadcastDraft(Address coordinator, BroadcastDraft draft) {
    conversations.saveDraft(coordinator, draft);
  }

  @Override
  public Optional<BroadcastDraft> takeBroadcastDraft(Address coordinator) {
    return conversations.takeDraft(coordinator);
  }

  @Override
  public byte[] installationKey(String purpose) {
    return keys.key(purpose);
  }

  @Override
  public Optional<String> state(String key) {
    return db.one("SELECT value FROM state WHERE key = ?", row -> row.getString(1), key);
  }

  @Override
  public void putState(String key, String value) {
    db.update(
        "INSERT INTO state (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key,
        value);
  }

  @Override
  public void deleteState(String key) {
    db.update("DELETE FROM state WHERE key = ?", key);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return db.inTransaction(work::get);
  }

  @Override
  public List<Listing> openUnmatchedNeeds(Instant now, long afterId, int limit) {
    return lifecycle.openUnmatchedNeeds(now, afterId, limit);
  }

  @Override
  public List<Listing> activeListingsExpiringBy(Instant until, long afterId, int limit) {
    return lifecycle.activeExpiringBy(until, afterId, limit);
  }

  @Override
  public void close() {
    db.requireDurable();
    db.close();
    sentJournal.close();
    rawJournal.close();
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
  public Set<Address> provenLinkedWith(Address address) {
    return links.provenLinkedWith(address);
  }

  @Override
  public void saveLinkCode(LinkCode code) {
    proofs.saveLinkCode(code);
  }

  @Override
  public Optional<LinkCode> linkCode(String code) {
    return proofs.linkCode(code);
  }

  @Override
  public Optional<LinkCode> takeLinkCode(String code) {
    return proofs.takeLinkCode(code);
  }

  @Override
  public long savePendingConfirmation(InboundMessage message, Instant expiresAt) {
    return proofs.savePendingConfirmation(message, expiresAt);
  }

  @Override
  public Optional<PendingConfirmation> pendingConfirmation(long id) {
    return proofs.pendingConfirmation(id);
  }

  @Override
  public Optional<PendingConfirmation> takePendingConfirmation(long id) {
    return proofs.takePendingConfirmation(id);
  }

  @Override
  public int deleteExpiredProofs(Instant now) {
    return proofs.deleteExpired(now);
  }

  @Override
  public List<Listing> activeListingsExpiringBy(Instant until) {
    return lifecycle.activeExpiringBy(until);
  }

  @Override
  public void setExpiry(long listingId, Instant expiresAt) {
    lifecycle.setExpiry(listingId, expiresAt);
    changed(listingId);
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
    db.inTransaction(
        () -> {
          eraser.forget(who);
          proofs.forget(who);
          dashboard.forget(who);
          // Its listings are gone and others may be open again: rare enough to refill the index.
          changedMany();
          return null;
        });
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
  public RetentionPage deleteOldRows(
      RetainedRows rows, Instant before, RetentionPage.Cursor after, int limit) {
    return retention.deletePage(rows, before, after, limit);
  }

  @Override
  public int deleteSentOutboxAbout(String topic) {
    return lifecycle.deleteSentOutboxAbout(topic);
  }

  @Override
  public int eraseClosedListingsBefore(Instant before) {
    return lifecycle.eraseClosedListingsBefore(before);
  }

  @Override
  public RetentionPage eraseClosedListingsBefore(
      Instant before, RetentionPage.Cursor after, int limit) {
    return lifecycle.eraseClosedListingsBefore(before, after, limit);
  }

  @Override
  public void saveDashboardLink(String tokenHash, Address person, Instant expiresAt) {
    dashboard.saveLink(tokenHash, person, expiresAt);
  }

  @Override
  public Optional<Address> useDashboardLink(String tokenHash, Instant now) {
    return dashboard.useLink(tokenHash, now);
  }

  @Override
  public void saveDashboardSession(DashboardSession session) {
    dashboard.saveSession(session);
  }

  @Override
  public Optional<DashboardSession> dashboardSession(String sessionHash, Instant now) {
    return dashboard.session(sessionHash, now);
  }

  @Override
  public void deleteDashboardSession(String sessionHash) {
    dashboard.deleteSession(sessionHash);
  }

  @Override
  public List<Match> recentMatches(int limit) {
    return matches.recent(limit);
  }

  @Override
  public int personalMessagesAbout(String topic) {
    return outbox.personalMessagesAbout(topic);
  }

  @Override
  public Optional<Instant> lastSentTo(Address recipient) {
    return outbox.lastSentTo(recipient);
  }

  @Override
  public List<OutboxSummary> outboxSummary() {
    return outbox.summary();
  }
}
