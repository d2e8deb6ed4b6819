package org.aidbridge.bot.store;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sends a channel confirmed, written down the instant it confirms them, in a small file of
 * their own beside the database, before the outbox row is marked SENT.
 *
 * <p>Marking the row SENT waits for the database, which one connection serves to every thread in
 * turn: behind a message being handled, an inbound message being kept and their syncs to disk, that
 * wait reached a second on a loaded machine. A kill in that second left the row claimed, and it was
 * sent again after the restart (the crash harness counted such duplicates on most kills). An append
 * to this file waits for nothing: the kill must now fall between the channel's answer and the
 * append. At the next start the store reads the file and marks what it names SENT before anything
 * is sent ({@link #pending}).
 *
 * <p>A line is {@code id TAB channel-message-id TAB epoch-millis}. Once every send written here has
 * reached the database, the file is emptied: it holds only sends whose row is not marked yet, so it
 * stays a few lines long and keeps no one's ids for longer than that. The write reaches the
 * operating system, not necessarily the disk, like the database's own commits ({@code
 * synchronous=NORMAL}): it survives the process being killed.
 */
final class SentJournal implements AutoCloseable {
  /** A send the file names. */
  record Sent(long outboxId, String channelMessageId, Instant at) {}

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  /** No file: a database in memory is gone with the process anyway. */
  static final SentJournal NONE = new SentJournal(null);

  private final Path file;
  private FileChannel channel; // guarded by this
  private int inFlight; // appended, database not updated yet; guarded by this
  // Sends whose database update failed: kept in the file until it succeeds. Guarded by this.
  private final Map<Long, String> unrecorded = new LinkedHashMap<>();

  private SentJournal(Path file) {
    this.file = file;
  }

  /** The journal of the database whose write-ahead log is {@code walFile} (null: in memory). */
  static SentJournal beside(Path walFile) {
    if (walFile == null) {
      return NONE;
    }
    String wal = walFile.getFileName().toString();
    String base = wal.endsWith("-wal") ? wal.substring(0, wal.length() - 4) : wal;
    return new SentJournal(walFile.resolveSibling(base + "-sent"));
  }

  Path file() {
    return file;
  }

  /** The sends a run before this one wrote down and may not have marked SENT. */
  List<Sent> pending() {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    try {
      String[] lines = Files.readString(file, UTF8).split("\n", -1);
      List<Sent> sends = new ArrayList<>();
      // The last piece follows the last newline: empty, or a line a kill cut short.
      for (int i = 0; i < lines.length - 1; i++) {
        Sent sent = parse(lines[i]);
        if (sent != null) {
          sends.add(sent);
        }
      }
      return sends;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Empties the file once what {@link #pending} named is in the database. */
  synchronized void clear() {
    if (file == null) {
      return;
    }
    try {
      rewrite();
    } catch (IOException e) {
      throw new StoreException("cannot empty " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the send down. When it returns true, call {@link #settled} after updating the database,
   * whatever came of it.
   *
   * @return false when the file cannot be written: the database update still follows, only the
   *     shortcut past its wait is missing
   */
  synchronized boolean append(long outboxId, String channelMessageId, Instant at) {
    if (file == null) {
      return false;
    }
    String line = line(outboxId, channelMessageId, at);
    try {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(UTF8));
      FileChannel out = open();
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      closeQuietly();
      return false;
    }
    inFlight++;
    unrecorded.put(outboxId, line);
    return true;
  }

  /**
   * The database update of a send written down ended; when nothing written is still on its way to
   * the database, the file is emptied of all but the sends the database refused.
   */
  synchronized void settled(long outboxId, boolean recorded) {
    if (file == null) {
      return;
    }
    inFlight = Math.max(0, inFlight - 1);
    if (recorded) {
      unrecorded.remove(outboxId);
    }
    if (inFlight == 0) {
      try {
        rewrite();
      } catch (IOException e) {
        // Harmless: the lines left name sends the database has; they are applied once more at
        // start.
        closeQuietly();
      }
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private FileChannel open() throws IOException {
    if (channel == null || !channel.isOpen()) {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    return channel;
  }

  /** The file holds exactly the sends the database refused so far (usually none). */
  private void rewrite() throws IOException {
    if (unrecorded.isEmpty() && !Files.exists(file)) {
      return;
    }
    FileChannel out = open();
    out.truncate(0);
    for (String line : unrecorded.values()) {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(UTF8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }

  private void closeQuietly() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing: nothing left to do about it.
      }
      channel = null;
    }
  }

  private static String line(long outboxId, String channelMessageId, Instant at) {
    String id = channelMessageId == null ? "" : URLEncoder.encode(channelMessageId, UTF8);
    return outboxId + "\t" + id + "\t" + at.toEpochMilli() + "\n";
  }

  /** A whole line as written, or null when it is not one. */
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
}
