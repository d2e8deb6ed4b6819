package org.aidbridge.bot.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.aidbridge.bot.model.Channel;

/**
 * What a channel read, written down the instant it is read ({@link LineJournal}, file {@code
 * <database>-raw}), before the row in {@code raw_inbound} is committed.
 *
 * <p>signal-cli takes no acknowledgement: a notification it wrote to the socket is the bot's alone.
 * The reading thread kept it by inserting it into the database, which waited for the one connection
 * behind messages being handled and their syncs to disk; a kill in that wait lost it, and the
 * socket filled up meanwhile with more that a kill would lose too. An append waits for nothing, and
 * the next start puts whatever the file still holds into {@code raw_inbound} ({@link
 * RawInboundTable#insertJournaled}). A payload kept twice that way is handled once: the inbox knows
 * each message by its channel's id for it.
 *
 * <p>A line is {@code channel TAB epoch-millis TAB payload (Base64)}.
 */
final class RawJournal implements AutoCloseable {
  /** A payload the file holds. */
  record Kept(Channel channel, String payload, Instant at) {}

  private final LineJournal lines;
  // Keys written ahead by the reading thread ({@link #appendAhead}) whose store has not come yet,
  // with how many times each. Guarded by itself.
  private final java.util.Map<String, Integer> ahead = new java.util.HashMap<>();

  private RawJournal(LineJournal lines) {
    this.lines = lines;
  }

  /** The journal of the database whose write-ahead log is {@code walFile} (null: in memory). */
  /** The journal in {@code file}. */
  static RawJournal at(Path file) {
    return new RawJournal(LineJournal.at(file, true));
  }

  static RawJournal beside(Path walFile) {
    return new RawJournal(LineJournal.beside(walFile, "-raw", true));
  }

  Path file() {
    return lines.file();
  }

  List<Kept> pending() {
    return lines.pending().stream().map(RawJournal::parse).filter(Objects::nonNull).toList();
  }

  void clear() {
    lines.clear();
  }

  /**
   * Writes the payload down.
   *
   * @return the key to {@link #settled} once the database insert ended, or null if nothing was
   *     written; the same payload tried again has the same key, so it is in the file once
   */
  String append(Channel channel, String payload, Instant at) {
    String key = key(channel, payload);
    synchronized (ahead) {
      Integer waiting = ahead.get(key);
      if (waiting != null) {
        // Written already, the moment it was read: this store settles that line.
        if (waiting == 1) {
          ahead.remove(key);
        } else {
          ahead.put(key, waiting - 1);
        }
        return key;
      }
    }
    return write(key, channel, payload, at);
  }

  /**
   * Writes the payload down the moment it is read, on the reading thread, before it waits its turn
   * to be stored; the {@link #append} of the same payload that comes with its store then writes
   * nothing more, and its {@link #settled} ends the line's time in flight.
   */
  void appendAhead(Channel channel, String payload, Instant at) {
    String key = key(channel, payload);
    if (write(key, channel, payload, at) != null) {
      synchronized (ahead) {
        ahead.merge(key, 1, Integer::sum);
      }
    }
  }

  private static String key(Channel channel, String payload) {
    return channel.id() + ":" + payload.length() + ":" + payload.hashCode();
  }

  private String write(String key, Channel channel, String payload, Instant at) {
    String encoded = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return lines.append(key, channel.id() + "\t" + at.toEpochMilli() + "\t" + encoded) ? key : null;
  }

  void settled(String key, boolean stored) {
    lines.settled(key, stored);
  }

  @Override
  public void close() {
    lines.close();
  }

  /** A line as written, or null when it is not one. */
  static Kept parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 3) {
      return null;
    }
    try {
      return new Kept(
          Channel.fromId(fields[0]),
          new String(Base64.getDecoder().decode(fields[2]), StandardCharsets.UTF_8),
          Instant.ofEpochMilli(Long.parseLong(fields[1])));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
