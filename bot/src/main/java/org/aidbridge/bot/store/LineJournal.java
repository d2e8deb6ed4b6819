package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small file of lines beside the database, for what must be kept the instant it happens and
 * cannot wait for the database's one connection: behind a message being handled and its sync to
 * disk, that wait reached a second on a loaded machine, and a kill in that second lost the fact. An
 * append waits for nothing. The store then writes the same fact to the database as usual, and at
 * the next start applies whatever the file still names ({@link #pending}) before anything else
 * happens.
 *
 * <p>Once every line written has reached the database, and the file has grown past {@link
 * #EMPTY_AFTER_BYTES} or was last emptied {@link #EMPTY_AFTER} ago, it is emptied (at once, for a
 * journal whose lines must not outlive their row); a clean stop empties it too. Not after every
 * line: emptying a file (ftruncate) can wait for the file system's own journal behind other
 * processes' syncs to disk, and appends would wait behind it, which is the very wait this file is
 * there to avoid. So it holds the facts of the last few seconds, which the database holds too;
 * applying one again at start changes nothing. A write reaches the operating system, not
 * necessarily the disk, like the database's own commits ({@code synchronous=NORMAL}): it survives
 * the process being killed. A line is only whole with its newline; one a kill cut short is ignored.
 */
final class LineJournal implements AutoCloseable {
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  /** Grown past this, the file is emptied at the next moment nothing is in flight. */
  static final long EMPTY_AFTER_BYTES = 16 * 1024;

  /** Emptied last longer ago than this, likewise. */
  static final Duration EMPTY_AFTER = Duration.ofSeconds(10);

  private final Path file;
  private final boolean emptyAtOnce;
  private FileChannel channel; // guarded by this
  private int inFlight; // appended, not settled yet; guarded by this
  private long writtenSinceEmptied; // guarded by this
  private long emptiedAt = System.nanoTime(); // guarded by this
  // Lines whose database write failed, by key: kept in the file until it succeeds. Guarded by this.
  private final Map<String, String> unrecorded = new LinkedHashMap<>();

  private LineJournal(Path file, boolean emptyAtOnce) {
    this.file = file;
    this.emptyAtOnce = emptyAtOnce;
  }

  /**
   * The journal {@code suffix} of the database whose write-ahead log is {@code walFile}; for a
   * database in memory (null), one that keeps nothing: it is gone with the process anyway.
   *
   * @param emptyAtOnce empty the file whenever nothing is in flight, for lines that must not
   *     outlive their row (people's texts, which {@code forget} erases), at the cost of the wait
   *     described above
   */
  static LineJournal beside(Path walFile, String suffix, boolean emptyAtOnce) {
    if (walFile == null) {
      return new LineJournal(null, emptyAtOnce);
    }
    String wal = walFile.getFileName().toString();
    String base = wal.endsWith("-wal") ? wal.substring(0, wal.length() - 4) : wal;
    return new LineJournal(walFile.resolveSibling(base + suffix), emptyAtOnce);
  }

  /** The journal in {@code file}. */
  static LineJournal at(Path file, boolean emptyAtOnce) {
    return new LineJournal(file, emptyAtOnce);
  }

  Path file() {
    return file;
  }

  /** The whole lines a run before this one wrote and may not have put in the database. */
  List<String> pending() {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    try {
      String[] pieces = Files.readString(file, UTF8).split("\n", -1);
      // The last piece follows the last newline: empty, or a line a kill cut short.
      return new ArrayList<>(List.of(pieces).subList(0, pieces.length - 1));
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
   * Writes the line (no newline in it). When it returns true, call {@link #settled} with the same
   * key once the database write ended, whatever came of it.
   *
   * @return false when nothing was written (no file, or it cannot be written): the database write
   *     still follows, only the shortcut past its wait is missing
   */
  synchronized boolean append(String key, String line) {
    if (file == null) {
      return false;
    }
    String whole = line + "\n";
    try {
      writtenSinceEmptied += write(open(), whole);
    } catch (IOException e) {
      closeQuietly();
      return false;
    }
    inFlight++;
    unrecorded.put(key, whole);
    return true;
  }

  /**
   * The database write of a line ended. When no line is still on its way to the database and the
   * file is due to be emptied (its size, its age), it is emptied of all but the lines the database
   * refused.
   */
  synchronized void settled(String key, boolean recorded) {
    inFlight = Math.max(0, inFlight - 1);
    if (recorded) {
      unrecorded.remove(key);
    }
    boolean due =
        emptyAtOnce
            || writtenSinceEmptied >= EMPTY_AFTER_BYTES
            || System.nanoTime() - emptiedAt >= EMPTY_AFTER.toNanos();
    if (inFlight == 0 && due) {
      emptyQuietly();
    }
  }

  /** Empties the file when nothing is in flight (a clean stop), and closes it. */
  @Override
  public synchronized void close() {
    if (file != null && inFlight == 0) {
      emptyQuietly();
    }
    closeQuietly();
  }

  private void emptyQuietly() {
    try {
      rewrite();
    } catch (IOException e) {
      // Harmless: what is left names facts the database has; applying them again changes nothing.
      closeQuietly();
    }
  }

  private FileChannel open() throws IOException {
    if (channel == null || !channel.isOpen()) {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    return channel;
  }

  /** The file holds exactly the lines the database refused so far (usually none). */
  private void rewrite() throws IOException {
    if (unrecorded.isEmpty() && !Files.exists(file)) {
      return;
    }
    FileChannel out = open();
    out.truncate(0);
    long kept = 0;
    for (String line : unrecorded.values()) {
      kept += write(out, line);
    }
    writtenSinceEmptied = kept;
    emptiedAt = System.nanoTime();
  }

  /** Writes the text; returns how many bytes. */
  private static int write(FileChannel out, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF8));
    int size = bytes.remaining();
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    return size;
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
}
