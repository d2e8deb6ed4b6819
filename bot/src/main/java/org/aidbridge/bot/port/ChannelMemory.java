package org.aidbridge.bot.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.RawInbound;

/**
 * What a channel adapter keeps in, and reads from, the bot's storage: the only part of it a channel
 * sees. Everything else (listings, matches, links, the inbox) is the core's, reached through {@code
 * BotService}. The store implements it ({@code Store} extends this interface); an ArchUnit rule in
 * the routes module keeps the channel packages from reaching past it.
 *
 * <p>Thread-safe, like the store behind it.
 */
public interface ChannelMemory {

  // --- small durable values: the Telegram update offset, progress through a long text ---

  /**
   * A value the channel kept under {@code key}. Exists so that what a channel must remember across
   * a restart (where to go on reading, which parts were sent) survives one.
   */
  Optional<String> state(String key);

  /** Keeps {@code value} under {@code key}, replacing what was there. */
  void putState(String key, String value);

  /** Forgets the value under {@code key} (its work is done). */
  void deleteState(String key);

  // --- raw inbound: what a channel read, kept before it is translated and handled ---

  /**
   * Keeps a payload exactly as the channel delivered it, the moment it was read. Exists so that a
   * payload the platform will not deliver again is safe before the channel confirms it.
   *
   * @return its id
   */
  long storeRawInbound(Channel channel, String payload, Instant receivedAt);

  /**
   * Writes a payload down the instant it is read, where the store can do so without waiting (a file
   * append beside a SQLite database; nothing on a server database), ahead of its {@link
   * #storeRawInbound}, which must follow with the same payload. Exists so that a channel whose
   * reading thread must not wait for the database (Signal: the answers to sends come on the same
   * connection) still has each payload safe from a kill the moment it is read.
   */
  void journalRawInbound(Channel channel, String payload, Instant receivedAt);

  /** Raw payloads of the channel whose time to be (tried again) has come, oldest first. */
  List<RawInbound> dueRawInbound(Channel channel, Instant now, int limit);

  /**
   * Every raw payload of the channel with an id above {@code afterId}, due or not, oldest first.
   * Exists so that a channel can erase what a forgotten person sent that still waits.
   */
  List<RawInbound> rawInboundAfter(Channel channel, long afterId, int limit);

  /** A raw payload was handled (its message is in the inbox, or it meant nothing): drop it. */
  void deleteRawInbound(long rawId);

  /** Handling a raw payload failed: it is tried again at {@code at}. */
  void retryRawInboundLater(long rawId, Instant at, String error);

  // --- what the bot sent: notices a channel raises itself, answers tied back to a sent message ---

  /**
   * Writes down that the platform took outbox entry {@code outboxId}, on the thread that read the
   * platform's answer, the instant it read it, without waiting (a file append beside a SQLite
   * database; nothing on a server database). The channel's sender must then report the entry as
   * sent, so that the outbox marks it ({@code markSent}) as always. Exists for a channel whose
   * answers are read by another thread than the sending one (Signal): the sending thread may wait
   * to be scheduled, and a kill in that wait would send the entry again after the restart.
   */
  void journalSent(long outboxId, String channelMessageId, Instant at);

  /**
   * Queues a message in the outbox. Exists for the few notices a channel raises on its own (Signal
   * asking the coordinators to solve a captcha); every answer to a message is the core's to queue.
   */
  OutboxEntry enqueue(OutboundMessage message, Instant now);

  /**
   * Finds a message the bot sent, by the id the channel gave it: answers are tied back this way,
   * and a channel recognises its own messages coming back (a Signal sync message).
   */
  Optional<OutboxEntry> sentMessage(Channel channel, String channelMessageId);

  /** An outbox entry by its id; a mail's Message-ID names one, so a reply proves its recipient. */
  Optional<OutboxEntry> outboxEntry(long outboxId);

  // --- groups and people, as the platform reports them ---

  /**
   * Drops a group's subscription (the bot was removed from it).
   *
   * @return whether there was one to delete
   */
  boolean deleteSubscription(Address group);

  /** The group's subscription: whether a mail came from a list the bot serves. */
  Optional<Subscription> subscriptionOf(Address group);

  /** A group got a new address (a Telegram group upgraded to a supergroup): move what it had. */
  void moveGroup(Address from, Address to);

  /**
   * Marks a person or group unreachable (blocked the bot, unregistered, bounced), or reachable
   * again, so that the outbox stops or resumes sending to them.
   */
  void setUnreachable(Address address, boolean unreachable);

  // --- secrets ---

  /**
   * This installation's secret for a purpose (such as log pseudonyms or mail reply tokens): 32
   * random bytes made on first use, then always the same.
   */
  byte[] installationKey(String purpose);

  // --- transactions ---

  /** Runs {@code work} atomically; nested calls join the outer transaction. */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} atomically, as {@link #inTransaction(Supplier)}. */
  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
