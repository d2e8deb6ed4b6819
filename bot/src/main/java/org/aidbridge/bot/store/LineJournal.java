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
 * journal whose lines must not outlive their row); a clean stop empties it too. So it holds the
 * facts of the last few seconds, which the database holds too; applying one again at start changes
 * nothing.
 *
 * <p>Two files take turns ({@code <database><suffix>} and {@code <database><suffix>2}): emptying
 * one turns the appends to the other, which was emptied before, and only then empties the first,
 * outside the lock appends take. Emptying a file (ftruncate) waits for the file system's own
 * journal, behind other processes' syncs to disk: measured under load, 40 to 80 ms for one emptying
 * in ten. With one file, appends waited behind it, and an append is what stands between a platform
 * taking a message and the bot knowing it did (a kill in that wait sends it twice). A write reaches
 * the operating system, not necessarily the disk, like the database's own commits ({@code
 * synchronous=NORMAL}): it survives the process being killed. A line is only whole with its
 * newline; one a kill cut short is ignored.
 */
final class LineJournal implements AutoCloseable {
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  /** Grown past this, the file is emptied at the next moment nothing is in flight. */
  static final long EMPTY_AFTER_BYTES = 16 * 1024;

  /** Emptied last longer ago than this, likewise. */
  static final Duration EMPTY_AFTER = Duration.ofSeconds(10);

  /** Empties a file that no append writes to any more; replaced in tests of the emptying. */
  @FunctionalInterface
  interface Emptier {
    void empty(FileChannel file) throws IOException;
  }

  private final Path[] files;
  private final boolean emptyAtOnce;
  private final Emptier emptier;
  private final FileChannel[] channels = new FileChannel[2]; // guarded by this
  private int current; // the file appends go to; guarded by this
  private boolean emptying; // the other file is being emptied; guarded by this
  private int inFlight; // appended, not settled yet; guarded by this
  private int appendedSinceTurn; // lines appended to the current file; guarded by this
  private long writtenSinceEmptied; // guarded by this
  private long emptiedAt = System.nanoTime(); // guarded by this
  // Lines whose database write failed, by key: kept in the file until it succeeds. Guarded by this.
  private final Map<String, String> unrecorded = new LinkedHashMap<>();

  LineJournal(Path file, boolean emptyAtOnce, Emptier emptier) {
    this.files = file == null ? null : filesOf(file).toArray(Path[]::new);
    this.emptyAtOnce = emptyAtOnce;
    this.emptier = emptier;
  }

  /**
   * The journal {@code suffix} of the database whose write-ahead log is {@code walFile}; for a
   * database in memory (null), one that keeps nothing: it is gone with the process anyway.
   *
   * @param emptyAtOnce empty the file whenever nothing is in flight, for lines that must not
   *     outlive their row (people's texts, which {@code forget} erases)
   */
  static LineJournal beside(Path walFile, String suffix, boolean emptyAtOnce) {
    if (walFile == null) {
      return new LineJournal(null, emptyAtOnce, f -> f.truncate(0));
    }
    String wal = walFile.getFileName().toString();
    String base = wal.endsWith("-wal") ? wal.substring(0, wal.length() - 4) : wal;
    return new LineJournal(walFile.resolveSibling(base + suffix), emptyAtOnce, f -> f.truncate(0));
  }

  /** The journal in {@code file} (and its turn-taking twin, {@link #filesOf}). */
  static LineJournal at(Path file, boolean emptyAtOnce) {
    return new LineJournal(file, emptyAtOnce, f -> f.truncate(0));
  }

  /** The two files that take turns for the journal named {@code file}: it, and it with a 2. */
  static List<Path> filesOf(Path file) {
    return List.of(file, file.resolveSibling(file.getFileName() + "2"));
  }

  /** The first of the two files. */
  Path file() {
    return files == null ? null : files[0];
  }

  /**
   * The whole lines a run before this one wrote and may not have put in the database: those of both
   * files, the one written last last.
   */
  List<String> pending() {
    if (files == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    try {
      for (Path file : byAge()) {
        String[] pieces = Files.readString(file, UTF8).split("\n", -1);
        // The last piece follows the last newline: empty, or a line a kill cut short.
        lines.addAll(List.of(pieces).subList(0, pieces.length - 1));
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + files[0] + ": " + e.getMessage(), e);
    }
    return lines;
  }

  private List<Path> byAge() throws IOException {
    List<Path> existing = new ArrayList<>();
    for (Path file : files) {
      if (Files.exists(file)) {
        existing.add(file);
      }
    }
    if (existing.size() == 2
        && Files.getLastModifiedTime(existing.get(0))
                .compareTo(Files.getLastModifiedTime(existing.get(1)))
            > 0) {
      return List.of(existing.get(1), existing.get(0));
    }
    return existing;
  }

  /** Empties both files once what {@link #pending} named is in the database. */
  synchronized void clear() {
    if (files == null) {
      return;
    }
    try {
      emptyBoth();
    } catch (IOException e) {
      throw new StoreException("cannot empty " + files[0] + ": " + e.getMessage(), e);
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
    if (files == null) {
      return false;
    }
    String whole = line + "\n";
    try {
      writtenSinceEmptied += write(open(current), whole);
    } catch (IOException e) {
      closeQuietly(current);
      return false;
    }
    inFlight++;
    appendedSinceTurn++;
    unrecorded.put(key, whole);
    return true;
  }

  /**
   * The database write of a line ended. When no line is still on its way to the database and the
   * file is due to be emptied (its size, its age), appends turn to the other file, which gets the
   * lines the database refused, and this one is emptied on the calling thread, outside the lock.
   */
  void settled(String key, boolean recorded) {
    synchronized (this) {
      inFlight = Math.max(0, inFlight - 1);
      if (recorded) {
        unrecorded.remove(key);
      }
    }
    // Again while due: what was appended while the other file was being emptied.
    for (FileChannel left = turnIfDue(); left != null; left = turnIfDue()) {
      try {
        emptier.empty(left);
      } catch (IOException e) {
        // Harmless: what is left names facts the database has; applying them again changes
        // nothing.
      }
      synchronized (this) {
        emptying = false;
      }
    }
  }

  /**
   * Turns the appends to the other file when this one is due to be emptied and nothing is in
   * flight; returns the file to empty, else null.
   */
  private synchronized FileChannel turnIfDue() {
    boolean due =
        emptyAtOnce
            || writtenSinceEmptied >= EMPTY_AFTER_BYTES
            || System.nanoTime() - emptiedAt >= EMPTY_AFTER.toNanos();
    if (files == null || inFlight > 0 || appendedSinceTurn == 0 || !due || emptying) {
      return null;
    }
    int next = 1 - current;
    long kept = 0;
    try {
      FileChannel to = open(next);
      for (String line : unrecorded.values()) {
        kept += write(to, line);
      }
    } catch (IOException e) {
      closeQuietly(next);
      return null; // appends stay where they are; the next settled tries again
    }
    FileChannel left = channels[current];
    current = next;
    appendedSinceTurn = 0;
    emptying = true;
    writtenSinceEmptied = kept;
    emptiedAt = System.nanoTime();
    return left;
  }

  /** Empties both files when nothing is in flight (a clean stop), and closes them. */
  @Override
  public synchronized void close() {
    if (files != null && inFlight == 0) {
      try {
        emptyBoth();
      } catch (IOException e) {
        // Harmless, as in settled.
      }
    }
    closeQuietly(0);
    closeQuietly(1);
  }

  /** Both files hold exactly the lines the database refused so far (usually none), in the first. */
  private void emptyBoth() throws IOException {
    current = 0;
    appendedSinceTurn = 0;
    for (int i = 0; i < 2; i++) {
      if (Files.exists(files[i])) {
        open(i).truncate(0);
      }
    }
    long kept = 0;
    if (!unrecorded.isEmpty()) {
      FileChannel out = open(0);
      for (String line : unrecorded.values()) {
        kept += write(out, line);
      }
    }
    writtenSinceEmptied = kept;
    emptiedAt = System.nanoTime();
  }

  private FileChannel open(int which) throws IOException {
    FileChannel channel = channels[which];
    if (channel == null || !channel.isOpen()) {
      channel =
          FileChannel.open(
              files[which],
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
      channels[which] = channel;
    }
    return channel;
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

  private void closeQuietly(int which) {
    FileChannel channel = channels[which];
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing: nothing left to do about it.
      }
      channels[which] = null;
    }
  }
}
