package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
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
 * Everything the bot keeps. Its behaviour is pinned by {@code StoreContract} in the test sources,
 * which every implementation's test must pass.
 *
 * <p>Thread-safe. {@link #inTransaction} makes several calls atomic: either all of them are kept or
 * none.
 */
public interface Store extends AutoCloseable {

  // --- inbox: every inbound message is stored before it is acted on ---

  /**
   * Stores a message unless one with the same channel and channel message id is already stored.
   *
   * @return the new inbox id, or empty for a duplicate
   */
  OptionalLong recordInbound(InboundMessage message);

  /** Stored messages not yet marked processed, oldest first. */
  List<StoredInbound> unprocessedInbound(int limit);

  void markProcessed(long inboxId);

  // --- listings ---

  /** Stores a new listing, giving it an id and a reference no other listing has. */
  Listing insertListing(Listing draft);

  Optional<Listing> listingById(long id);

  /** Finds by public reference, ignoring case. */
  Optional<Listing> listingByRef(String ref);

  Optional<Listing> listingByExternalId(String externalId);

  /** The author's listings that are OPEN or MATCHED, newest first. */
  List<Listing> activeListingsOf(Address author);

  /**
   * OPEN or MATCHED listings of a kind having at least one of the categories, not expired at {@code
   * now}. Uses an index: it does not read every listing.
   */
  List<Listing> activeListings(Kind kind, Set<Category> anyOf, Instant now);

  /**
   * Like {@link #activeListings}, but only listings whose place is within about {@code radiusKm} of
   * {@code center} (a superset: the index works in one-degree cells, so callers still measure) or
   * whose place is unknown, or offers that ship or work remotely ({@link
   * org.aidbridge.bot.model.Shipping}). {@code center} must be resolved.
   */
  List<Listing> activeListingsNear(
      Kind kind, Set<Category> anyOf, Place center, double radiusKm, Instant now);

  /** All listings, any status, in id order (for export). */
  List<Listing> allListings();

  void updateStatus(long listingId, Status status);

  /**
   * Replaces what a listing says: categories, items, place, urgency and expiry. Its id, reference,
   * author, text, status and creation time stay as they are.
   */
  void updateListing(Listing listing);

  // --- matches ---

  /** Stores a match; a second match of the same need and offer returns the first one. */
  Match insertMatch(Match match);

  /** Matches the listing takes part in, best first. */
  List<Match> matchesOf(long listingId);

  // --- outbox: every outbound message is stored before it is sent ---

  OutboxEntry enqueue(OutboundMessage message, Instant now);

  /**
   * Pending entries of the channel whose time has come, in the order they were queued. An entry
   * queued behind an earlier one to the same recipient that must still wait, waits too.
   */
  List<OutboxEntry> dueOutbox(Channel channel, Instant now, int limit);

  /** Records that the channel accepted the message, under the channel's own id for it. */
  void markSent(long outboxId, String channelMessageId, Instant at);

  /** Holds back every pending entry to {@code to} until {@code notBefore}, keeping their order. */
  void deferRecipient(Address to, Instant notBefore, String reason);

  /** Gives up on an entry for good (the recipient is gone, the chat does not exist). */
  void markUndeliverable(long outboxId, String reason);

  /**
   * Finds a message the bot sent, by the id the channel gave it: answers are tied back this way.
   */
  Optional<OutboxEntry> sentMessage(Channel channel, String channelMessageId);

  Optional<OutboxEntry> outboxEntry(long outboxId);

  /** How many entries wait, since when the oldest, and how many were set aside as dead letters. */
  OutboxBacklog outboxBacklog();

  // --- group subscriptions ---

  /** Saves the group's subscription, replacing any it had. */
  void saveSubscription(Subscription subscription);

  /**
   * @return whether there was one to delete
   */
  boolean deleteSubscription(Address group);

  Optional<Subscription> subscriptionOf(Address group);

  List<Subscription> subscriptions();

  /** A group got a new address (a Telegram group upgraded to a supergroup): move what it had. */
  void moveGroup(Address from, Address to);

  // --- people ---

  /** Marks a person or group unreachable (blocked the bot, unregistered), or reachable again. */
  void setUnreachable(Address address, boolean unreachable);

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

  // --- small durable values a channel keeps, such as the Telegram update offset ---

  Optional<String> state(String key);

  void putState(String key, String value);

  // --- transactions ---

  /** Runs {@code work} atomically; nested calls join the outer transaction. */
  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  @Override
  void close();

  // --- the listings' life: expiry, renewal, escalation, digests, forgetting, retention ---

  /** OPEN or MATCHED listings that expire at or before {@code until}, soonest first. */
  List<Listing> activeListingsExpiringBy(Instant until);

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
   * without a match are OPEN again), every outbox entry to it and every match message to others
   * that names it (shared contact details), its inbound messages, its subscription, flags and
   * identity link, and durable values whose key or value holds its qualified form as a word (a ban,
   * {@code banned:<qualified>}, is kept). Its inbound messages not yet processed (the one asking to
   * be forgotten) keep only their channel and id, so they can be marked processed. Identities
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
}
