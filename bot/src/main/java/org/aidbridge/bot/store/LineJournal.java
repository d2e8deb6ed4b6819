package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>Once every line written has reached the database, the file is emptied: it holds only facts not
 * in the database yet, so it stays a few lines long and keeps nobody's data longer than that. A
 * write reaches the operating system, not necessarily the disk, like the database's own commits
 * ({@code synchronous=NORMAL}): it survives the process being killed. A line is only whole with its
 * newline; one a kill cut short is ignored.
 */
final class LineJournal implements AutoCloseable {
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private final Path file;
  private FileChannel channel; // guarded by this
  private int inFlight; // appended, not settled yet; guarded by this
  // Lines whose database write failed, by key: kept in the file until it succeeds. Guarded by this.
  private final Map<String, String> unrecorded = new LinkedHashMap<>();

  private LineJournal(Path file) {
    this.file = file;
  }

  /**
   * The journal {@code suffix} of the database whose write-ahead log is {@code walFile}; for a
   * database in memory (null), one that keeps nothing: it is gone with the process anyway.
   */
  static LineJournal beside(Path walFile, String suffix) {
    if (walFile == null) {
      return new LineJournal(null);
    }
    String wal = walFile.getFileName().toString();
    String base = wal.endsWith("-wal") ? wal.substring(0, wal.length() - 4) : wal;
    return new LineJournal(walFile.resolveSibling(base + suffix));
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
      write(open(), whole);
    } catch (IOException e) {
      closeQuietly();
      return false;
    }
    inFlight++;
    unrecorded.put(key, whole);
    return true;
  }

  /**
   * The database write of a line ended; when no line is still on its way to the database, the file
   * is emptied of all but the lines the database refused.
   */
  synchronized void settled(String key, boolean recorded) {
    inFlight = Math.max(0, inFlight - 1);
    if (recorded) {
      unrecorded.remove(key);
    }
    if (inFlight == 0) {
      try {
        rewrite();
      } catch (IOException e) {
        // Harmless: what is left names facts the database has; applying them again changes nothing.
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

  /** The file holds exactly the lines the database refused so far (usually none). */
  private void rewrite() throws IOException {
    if (unrecorded.isEmpty() && !Files.exists(file)) {
      return;
    }
    FileChannel out = open();
    out.truncate(0);
    for (String line : unrecorded.values()) {
      write(out, line);
    }
  }

  private static void write(FileChannel out, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
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
}
