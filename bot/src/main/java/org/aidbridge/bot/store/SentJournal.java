package org.aidbridge.bot.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The sends a channel confirmed, written down the instant it confirms them ({@link LineJournal},
 * file {@code <database>-sent}), before the outbox row is marked SENT.
 *
 * <p>Marking the row waits for the database's one connection. A kill in that wait left the row
 * claimed, and the next run sent it again: the crash harness counted such a duplicate on most kills
 * of a loaded machine. Now the kill must fall between the channel's answer and the append, and the
 * next start marks SENT whatever the file names ({@link OutboxTable#recordJournaled}).
 *
 * <p>A line is {@code outbox-id TAB channel-message-id (URL-encoded) TAB epoch-millis}.
 */
final class SentJournal implements AutoCloseable {
  /** A send the file names. */
  record Sent(long outboxId, String channelMessageId, Instant at) {}

  private final LineJournal lines;
  // Entries written ahead (appendAhead) whose markSent has not come yet. Guarded by itself.
  private final java.util.Set<Long> ahead = new java.util.HashSet<>();

  private SentJournal(LineJournal lines) {
    this.lines = lines;
  }

  /** The journal of the database whose write-ahead log is {@code walFile} (null: in memory). */
  /** The journal in {@code file}. */
  static SentJournal at(Path file) {
    return new SentJournal(LineJournal.at(file, false));
  }

  static SentJournal beside(Path walFile) {
    return new SentJournal(LineJournal.beside(walFile, "-sent", false));
  }

  Path file() {
    return lines.file();
  }

  /** The sends a run before this one wrote down and may not have marked SENT. */
  List<Sent> pending() {
    return lines.pending().stream().map(SentJournal::parse).filter(Objects::nonNull).toList();
  }

  /** Empties the file once what {@link #pending} named is in the database. */
  void clear() {
    lines.clear();
  }

  /**
   * Writes the send down. When it returns true, call {@link #settled} after updating the database.
   */
  boolean append(long outboxId, String channelMessageId, Instant at) {
    synchronized (ahead) {
      if (ahead.remove(outboxId)) {
        return true; // written already, the instant the answer was read: settle that line
      }
    }
    return write(outboxId, channelMessageId, at);
  }

  /**
   * Writes the send down on the thread that read the platform's answer, the instant it read it,
   * before the sending thread gets it; the {@link #append} for the same entry that comes with
   * {@code markSent} then writes nothing more, and its {@link #settled} ends the line's time in
   * flight. So {@code markSent} must follow every call.
   */
  void appendAhead(long outboxId, String channelMessageId, Instant at) {
    if (write(outboxId, channelMessageId, at)) {
      synchronized (ahead) {
        ahead.add(outboxId);
      }
    }
  }

  private boolean write(long outboxId, String channelMessageId, Instant at) {
    String id = channelMessageId == null ? "" : URLEncoder.encode(channelMessageId, UTF8);
    return lines.append(key(outboxId), outboxId + "\t" + id + "\t" + at.toEpochMilli());
  }

  /** The database update of a send written down ended. */
  void settled(long outboxId, boolean recorded) {
    lines.settled(key(outboxId), recorded);
  }

  @Override
  public void close() {
    lines.close();
  }

  private static String key(long outboxId) {
    return Long.toString(outboxId);
  }

  /** A line as written, or null when it is not one. */
  static Sent parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 3) {
      return null;
    }
    try {
      long id = Long.parseLong(fields[0]);
      String channelId = fields[1].isEmpty() ? null : URLDecoder.decode(fields[1], UTF8);
      return new Sent(id, channelId, Instant.ofEpochMilli(Long.parseLong(fields[2])));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
