package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.port.ChannelMemory;

/**
 * Everything the bot keeps. Its behaviour is pinned by {@code StoreContract} in the test sources,
 * which every implementation's test must pass.
 *
 * <p>What a channel adapter may use of it is {@link ChannelMemory}; the rest is the core's.
 *
 * <p>Thread-safe. {@link #inTransaction} makes several calls atomic: either all of them are kept or
 * none.
 */
public interface Store extends AutoCloseable, ChannelMemory {

  // --- inbox: every inbound message is stored before it is acted on ---

  /**
   * Stores a message unless one with the same channel and channel message id is already stored.
   *
   * @return the new inbox id, or empty for a duplicate
   */
  OptionalLong recordInbound(InboundMessage message);

  /**
   * Stores several messages in one transaction, on disk when it returns (one sync for all),
   * skipping those already stored.
   *
   * @return the newly stored ones, in the given order
   */
  default List<StoredInbound> recordInbound(List<InboundMessage> messages) {
    return recordInbound(messages, () -> {});
  }

  /**
   * As {@link #recordInbound(List)}, with {@code withStoring} run in the same transaction (undone
   * with it should either fail).
   */
  List<StoredInbound> recordInbound(List<InboundMessage> messages, Runnable withStoring);

  /** Stored messages not yet marked processed, oldest first. */
  List<StoredInbound> unprocessedInbound(int limit);

  /**
   * Marks a stored message processed.
   *
   * @return false when it already was (another thread handled it first)
   */
  boolean markProcessed(long inboxId);

  /**
   * Stored messages not yet processed whose time to be (tried again) has come, oldest first. A
   * message whose handling failed waits until the time given to {@link #retryInboundLater}.
   */
  List<StoredInbound> dueInbound(Instant now, int limit);

  /**
   * Records a failed attempt at handling a stored message and when to try again.
   *
   * @param countAttempt false for a failure that was not the message's (the database was busy)
   * @return how many attempts failed so far
   */
  int retryInboundLater(long inboxId, Instant at, boolean countAttempt);

  /**
   * Gives up on a stored message that fails every time: it leaves the unprocessed list but, unlike
   * a processed one, is kept (retention does not delete it) for an operator to look at.
   *
   * @return false when it was no longer pending
   */
  boolean giveUpInbound(long inboxId);

  // --- raw inbound: what a channel read, kept before it is translated and handled ---

  /** How many raw payloads of the channel wait, due or not. */
  int rawInboundCount(Channel channel);

  // --- listings ---

  /**
   * Stores a new listing, giving it an id and a reference no other listing has. Inside a
   * transaction it is part of it, with no savepoint of its own, as {@link #insertListings}.
   */
  Listing insertListing(Listing draft);

  /**
   * Stores several new listings, all or none, as {@link #insertListing} for each would, at less
   * cost (an import's batch), and returns them stored in the drafts' order; their ids need not rise
   * in that order. Inside a transaction they are part of it, with no savepoint of their own: if
   * storing them fails, the caller's transaction must be undone too (let the failure through; do
   * not catch it and carry on).
   */
  List<Listing> insertListings(List<Listing> drafts);

  Optional<Listing> listingById(long id);

  /**
   * The listings of these ids that exist, in no particular order, read at once (matching reads the
   * few it found this way: one statement instead of one per listing).
   */
  List<Listing> listingsByIds(java.util.Collection<Long> ids);

  /** Finds by public reference, ignoring case. */
  Optional<Listing> listingByRef(String ref);

  Optional<Listing> listingByExternalId(String externalId);

  /**
   * Of these external ids, those a listing has: one query for many (an import's batch asks about a
   * thousand rows at once instead of one query each).
   */
  Set<String> externalIdsPresent(java.util.Collection<String> externalIds);

  /** Of these keys, those with a value ({@link #state}): one query for many. */
  Set<String> stateKeysPresent(java.util.Collection<String> keys);

  /** The author's listings that are OPEN or MATCHED, newest first. */
  List<Listing> activeListingsOf(Address author);

  List<Listing> allListings();

  /** Hands every listing, any status, in id order to {@code each}, without holding them all. */
  void forEachListing(java.util.function.Consumer<Listing> each);

  /**
   * The active (OPEN or MATCHED) listings whose id is above {@code afterId}, in id order, at most
   * {@code limit} of them: what a cache of the active listings reads a page at a time.
   */
  List<Listing> activeListingsAfter(long afterId, int limit);

  /**
   * From now on tells {@code watcher} of every change to a listing as it is made (and again when a
   * rollback undoes it). It starts while no transaction is half-way, so a watcher that then reads
   * the active listings ({@link #activeListingsAfter}) misses no change: one made before it started
   * is committed, and one made after is told.
   */
  void watchListingChanges(ListingWatcher watcher);

  /**
   * The file where a snapshot of the match index may be kept beside this store (a SQLite file's
   * {@code <database>.match-index}), or empty when it has none (in memory, PostgreSQL).
   */
  default Optional<SnapshotFile> matchIndexSnapshotFile() {
    return Optional.empty();
  }

  /**
   * The last row of the journal of listing changes, to which every change to a listing or its
   * categories adds one in the same transaction, whoever makes it. Empty when this store keeps no
   * journal (in memory, PostgreSQL).
   */
  default Optional<ListingChangeMark> lastListingChange() {
    return Optional.empty();
  }

  /**
   * The ids of the listings changed (made, changed, deleted) after {@code mark}, or empty when the
   * journal does not reach back to it: a mark of another database, of a copy of this one that went
   * on otherwise, or of a row deleted since ({@link #forgetListingChangesBefore}).
   */
  default Optional<java.util.Set<Long>> listingsChangedAfter(ListingChangeMark mark) {
    return Optional.empty();
  }

  /**
   * Deletes the journal's rows before {@code mark}: a snapshot written at it needs none of them.
   */
  default void forgetListingChangesBefore(ListingChangeMark mark) {}

  /** Sets a listing's status; nothing is written, nor told, when it has that status already. */
  void updateStatus(long listingId, Status status);

  /**
   * Replaces what a listing says: categories, items, place, urgency and expiry. Its id, reference,
   * author, text, status and creation time stay as they are.
   */
  void updateListing(Listing listing);

  // --- matches ---

  /** Stores a match; a second match of the same need and offer returns the first one. */
  Match insertMatch(Match match);

  /**
   * Stores matches as {@link #insertMatch} for each in this order would, at less cost (a new
   * listing's matches), and returns what it returns for each, in this order.
   */
  List<Match> insertMatches(List<Match> matches);

  /** Matches the listing takes part in, best first. */
  List<Match> matchesOf(long listingId);

  // --- outbox: every outbound message is stored before it is sent ---

  /**
   * Queues messages in the outbox, all or none, in this order (as {@link #enqueue} one after the
   * other would), at less cost: the answers to one message are stored together.
   */
  void enqueueAll(List<OutboundMessage> messages, Instant now);

  /**
   * Pending entries of the channel whose time has come, in the order they were queued. An entry
   * queued behind an earlier one to the same recipient that must still wait, waits too.
   */
  List<OutboxEntry> dueOutbox(Channel channel, Instant now, int limit);

  /** Records that the channel accepted the message, under the channel's own id for it. */
  void markSent(long outboxId, String channelMessageId, Instant at);

  /**
   * Claims a due entry before it is sent: status SENDING until {@code leaseUntil}. A claimed entry
   * whose lease ran out (the send was interrupted by a crash) is due again; claiming it once more
   * counts a resend ({@link #outboxResends}).
   *
   * @return false when the entry is not PENDING nor SENDING with its lease run out at {@code now}
   */
  boolean claimOutbox(long outboxId, Instant now, Instant leaseUntil);

  /**
   * Pushes the lease of an entry still being sent (SENDING) to {@code leaseUntil}, never back: the
   * sender is alive, so the entry is not taken for one whose send was interrupted.
   */
  void renewOutboxLease(long outboxId, Instant leaseUntil);

  /** A claimed entry goes back to PENDING untouched (the channel paused before sending it). */
  void releaseOutbox(long outboxId, String reason);

  /** One real failure of an entry: it waits until {@code notBefore}, one more attempt counted. */
  void recordOutboxFailure(long outboxId, Instant notBefore, String reason);

  /** Sets an entry aside after its last failure: its recipient's later entries go on without it. */
  void markDeadLetter(long outboxId, String reason);

  /** Entries set aside as dead letters, oldest first. */
  List<DeadLetter> deadLetters(int limit);

  /**
   * Puts a dead letter back in the queue, due at {@code now} with its failures forgotten.
   *
   * @return false when there is no dead letter with that id
   */
  boolean retryDeadLetter(long outboxId, Instant now);

  /** How many times the entry was claimed again after an interrupted send. */
  int outboxResends(long outboxId);

  /**
   * Holds back every pending entry to {@code to} until {@code notBefore}, keeping their order. A
   * deferral (pacing, a rate limit) is not a failure: no attempt is counted. A claimed entry to
   * {@code to} goes back to PENDING.
   */
  void deferRecipient(Address to, Instant notBefore, String reason);

  /** Gives up on an entry for good (the recipient is gone, the chat does not exist). */
  void markUndeliverable(long outboxId, String reason);

  /** How many entries wait, since when the oldest, and how many were set aside as dead letters. */
  OutboxBacklog outboxBacklog();

  // --- group subscriptions ---

  /** Saves the group's subscription, replacing any it had. */
  void saveSubscription(Subscription subscription);

  List<Subscription> subscriptions();

  // --- people ---

  boolean isUnreachable(Address address);

  // --- one person's identities on several channels ---

  /** Links two identities as one person (joining whatever each was already linked with). */
  void link(Address a, Address b);

  /**
   * @return whether the identity was linked to any other
   */
  boolean unlink(Address address);

  /** The identity and every identity linked with it. */
  Set<Address> linkedWith(Address address);

  // --- what a conversation leaves waiting, and facts about one identity ---

  /** Remembers the question just asked; it replaces one the person had on the same topic. */
  void askQuestion(Address person, PendingQuestion question, Instant at);

  /** Takes the question waiting on the topic: whatever the person says next ends it. */
  Optional<PendingQuestion> takeQuestion(Address person, PendingQuestion.Topic topic);

  /** Bans an identity for good: forgetting them keeps the ban, or it would be a way around it. */
  void ban(Address person, Instant at);

  boolean isBanned(Address person);

  /** The sides ({@code NEED}, {@code OFFER}) of a match that consented to swap contact details. */
  Set<Kind> shareConsents(long needId, long offerId);

  void consentToShare(long needId, long offerId, Kind side, Instant at);

  /** How many messages the person had relayed in the hour (counted in hours since the epoch). */
  int relaysIn(Address person, long hour);

  /** Counts one relayed message in the hour; a count kept from an earlier hour starts over. */
  void countRelay(Address person, long hour);

  /** Keeps a coordinator's broadcast until they confirm it, replacing an earlier draft. */
  void saveBroadcastDraft(Address coordinator, BroadcastDraft draft);

  /** Takes the coordinator's draft: confirmed, cancelled or replaced, it is used once. */
  Optional<BroadcastDraft> takeBroadcastDraft(Address coordinator);

  /**
   * The identity and the identities linked with it on both sides proven: only these share a
   * coordinator's rights. Links kept from before codes were sent to the identity being linked are
   * left out.
   */
  Set<Address> provenLinkedWith(Address address);

  // --- proof of who sent a message ---

  /** Keeps a link code (replacing one with the same code). */
  void saveLinkCode(LinkCode code);

  /**
   * A link code, left in place: whoever typed or answered it must be checked before it is used up,
   * or anyone could cancel another's code.
   */
  Optional<LinkCode> linkCode(String code);

  /** Finds and deletes a link code: each works once, expired or not. */
  Optional<LinkCode> takeLinkCode(String code);

  /**
   * Keeps a message that needs its sender's proof until the answer to the confirmation mail.
   *
   * @return its id
   */
  long savePendingConfirmation(InboundMessage message, Instant expiresAt);

  /** A pending confirmation, left in place until its own sender answers it. */
  Optional<PendingConfirmation> pendingConfirmation(long id);

  /** Finds and deletes a pending confirmation: each is answered once. */
  Optional<PendingConfirmation> takePendingConfirmation(long id);

  /**
   * Deletes link codes and pending confirmations whose time is up.
   *
   * @return how many were deleted
   */
  int deleteExpiredProofs(Instant now);

  @Override
  void close();

  // --- the listings' life: expiry, renewal, escalation, digests, forgetting, retention ---

  /** OPEN or MATCHED listings that expire at or before {@code until}, soonest first. */
  List<Listing> activeListingsExpiringBy(Instant until);

  /**
   * A page of {@link #activeListingsExpiringBy}: at most {@code limit} of them with an id above
   * {@code afterId}, by id. Exists so that housekeeping holds one page in memory at a time. This
   * default reads them all and keeps the page; a store should answer it with a query of its own.
   */
  default List<Listing> activeListingsExpiringBy(Instant until, long afterId, int limit) {
    return activeListingsExpiringBy(until).stream()
        .filter(l -> l.id() > afterId)
        .sorted(java.util.Comparator.comparingLong(Listing::id))
        .limit(limit)
        .toList();
  }

  /** Sets when a listing expires (a renewal); nothing else about it changes. */
  void setExpiry(long listingId, Instant expiresAt);

  /**
   * Records that the author was asked whether the listing is still wanted before {@code expiresAt}.
   *
   * @return false when they were already asked about that expiry
   */
  boolean markRenewalAsked(long listingId, Instant expiresAt, Instant at);

  /** The author's active listings whose current expiry they were asked about, soonest first. */
  List<Listing> awaitingRenewal(Address author);

  /** OPEN needs not expired at {@code now} that no match involves, oldest first. */
  List<Listing> openUnmatchedNeeds(Instant now);

  /**
   * A page of {@link #openUnmatchedNeeds}: at most {@code limit} of them with an id above {@code
   * afterId}, by id. Exists so that housekeeping, which looks at every open need each minute, holds
   * one page in memory at a time. This default reads them all and keeps the page; a store should
   * answer it with a query of its own.
   */
  default List<Listing> openUnmatchedNeeds(Instant now, long afterId, int limit) {
    return openUnmatchedNeeds(now).stream()
        .filter(l -> l.id() > afterId)
        .sorted(java.util.Comparator.comparingLong(Listing::id))
        .limit(limit)
        .toList();
  }

  /**
   * Records that a need was escalated to a ring (an index into the configured rings).
   *
   * @return false when it already was
   */
  boolean recordEscalation(long listingId, int ring, Instant at);

  /** The rings a listing was escalated to, in order. */
  List<Integer> escalationsOf(long listingId);

  /** How many listings were escalated to each ring (ring index to count), rings in order. */
  Map<Integer, Long> escalationsPerRing();

  /**
   * Records that a group's digest for a period (such as a local date) was queued.
   *
   * @return false when it already was
   */
  boolean markDigestSent(Address group, String period, Instant at);

  /**
   * Deletes everything kept about an address: its listings with their matches (other listings left
   * without a match are OPEN again), every outbox entry to it and every outbox entry to anyone
   * about its listings or matches (relayed words, shared contact details, group notices), its
   * inbound messages, its subscription, flags, identity link, waiting questions, relay counts,
   * broadcast drafts and durable values that name it whole; not a ban. The address is compared
   * whole, never as part of a longer string. Its inbound messages not yet processed (the one asking
   * to be forgotten) keep only their channel and id, so they can be marked processed. Identities
   * linked with it are not touched: forget each.
   */
  void forget(Address who);

  /**
   * Deletes processed inbound messages received before {@code before}; unprocessed ones stay.
   *
   * @return how many were deleted
   */
  int deleteProcessedInboundBefore(Instant before);

  /**
   * Deletes outbox entries sent before {@code before}, and those given up on that were queued
   * before it; pending entries stay.
   *
   * @return how many were deleted
   */
  int deleteFinishedOutboxBefore(Instant before);

  /**
   * One page of the retention's deletion of old finished rows of one kind: at most {@code limit} of
   * those older than {@code before}, the first after {@code after} by time then id. Start at {@link
   * RetentionPage.Cursor#START} and call again from the page's {@code next} while it has one, each
   * call in a transaction of its own, so that messages arriving meanwhile wait for one page, not
   * for the whole deletion. A row still in flight (not handled, pending, claimed) is never deleted.
   */
  RetentionPage deleteOldRows(
      RetainedRows rows, Instant before, RetentionPage.Cursor after, int limit);

  /**
   * Deletes the sent outbox entries with this topic, whatever their age.
   *
   * @return how many were deleted
   */
  int deleteSentOutboxAbout(String topic);

  /**
   * Closed (fulfilled, expired, withdrawn) listings created and expired before {@code before} lose
   * their original text and their author's address id; what statistics need stays.
   *
   * @return how many were erased
   */
  int eraseClosedListingsBefore(Instant before);

  /**
   * As {@link #eraseClosedListingsBefore(Instant)}, one page: at most {@code limit} of those
   * listings, the first after {@code after} by end of life then id. Start at {@link
   * RetentionPage.Cursor#START} and call again from the page's {@code next} while it has one, each
   * call in a transaction of its own: every page seeks to where the last one ended, so each costs
   * about the same however many were erased before it.
   */
  RetentionPage eraseClosedListingsBefore(Instant before, RetentionPage.Cursor after, int limit);

  // --- the coordinators' web dashboard ---

  /** Keeps a one-time sign-in link, by the hash of its token, for {@code person}. */
  void saveDashboardLink(String tokenHash, Address person, Instant expiresAt);

  /**
   * Uses a sign-in link: whose it is, when it exists, was never used and has not expired at {@code
   * now}. Either way it cannot be used again.
   */
  Optional<Address> useDashboardLink(String tokenHash, Instant now);

  /** Keeps a session, replacing one with the same hash. */
  void saveDashboardSession(DashboardSession session);

  /** The session with this hash, unless it ended before {@code now}. */
  Optional<DashboardSession> dashboardSession(String sessionHash, Instant now);

  void deleteDashboardSession(String sessionHash);

  /** The newest matches first. */
  List<Match> recentMatches(int limit);

  /** How many messages to people (not groups) were queued about a topic, kept ones only. */
  int personalMessagesAbout(String topic);

  /** When the last message to {@code recipient} was sent, among those still kept. */
  Optional<Instant> lastSentTo(Address recipient);

  /**
   * Each channel's outbox: pending, oldest pending, given up on. Channels never used are absent.
   */
  List<OutboxSummary> outboxSummary();
}
