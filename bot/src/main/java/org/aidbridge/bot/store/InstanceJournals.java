package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash journals of one store beside a SQLite file ({@code <database>-sent.<id>}, {@code
 * <database>-raw.<id>}), its own even when several instances share the file, and the journals left
 * by instances that died.
 *
 * <p>While the store is open it holds an operating-system lock on {@code
 * <database>-journals.<id>.lock}; the kernel frees it the moment the process dies, however it dies.
 * A store that opens replays the journals of every lock file it can lock (their owner is dead),
 * then deletes them; it never touches those of a live instance. Journals shared by two instances
 * lost lines: one instance emptying the file once its own lines had reached the database erased the
 * other's lines still on their way, and a start read back and emptied a live instance's. The
 * journals of a version before this one ({@code <database>-sent}, {@code <database>-raw}) are
 * replayed once too.
 *
 * <p>The lock file names the database the journals were written for ({@link #belongTo}: the id in
 * its {@code database_identity} table, the same in every backup of it). Journals of another
 * database (a different file restored in this one's place) are never replayed: their outbox ids and
 * Signal notifications mean other entries and other people there. They are left where they are, and
 * each start says so, until an operator moves them to their own database. A lock file that names no
 * database was made by a version before this one (or by a start killed before it wrote the id,
 * which had journaled nothing): its journals are replayed, as before.
 */
final class InstanceJournals implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceJournals.class);
  private static final int MAX_ID_BYTES = 256; // a database id is 32 hex digits

  /** Lock files this JVM holds: probing one would release its lock (POSIX closes all of them). */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private static final String LOCK_INFIX = "-journals.";
  private static final String LOCK_SUFFIX = ".lock";
  private static final String NEW_SUFFIX = ".new";

  private final Path dir;
  private final String base;
  private final String id;
  private final Path lockFile;
  private final FileChannel lockChannel;

  private InstanceJournals(Path dir, String base, String id, Path lockFile, FileChannel channel) {
    this.dir = dir;
    this.base = base;
    this.id = id;
    this.lockFile = lockFile;
    this.lockChannel = channel;
  }

  /** The journals of a new store on the database whose write-ahead log is {@code walFile}. */
  static InstanceJournals claim(Path walFile) {
    String wal = walFile.getFileName().toString();
    String base = wal.endsWith("-wal") ? wal.substring(0, wal.length() - 4) : wal;
    Path dir = walFile.toAbsolutePath().getParent();
    for (int attempt = 1; ; attempt++) {
      try {
        return claim(dir, base, HexFormat.of().formatHex(randomBytes()));
      } catch (NoSuchFileException e) {
        // A start cleaning up took our half-made file for a dead one's (see leftovers): a new id.
        if (attempt == 3) {
          throw new StoreException("cannot lock journals in " + dir + ": " + e.getMessage(), e);
        }
      } catch (IOException e) {
        throw new StoreException("cannot lock journals in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static InstanceJournals claim(Path dir, String base, String id) throws IOException {
    Path lockFile = dir.resolve(base + LOCK_INFIX + id + LOCK_SUFFIX);
    // Locked under another name, then moved: a starting instance never sees it unlocked.
    Path fresh = dir.resolve(base + LOCK_INFIX + id + NEW_SUFFIX);
    // Named before they exist, so that no other store of this JVM probes them (closing its probe
    // would free our lock).
    HELD.add(fresh);
    HELD.add(lockFile);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      channel.lock();
      Files.move(fresh, lockFile, StandardCopyOption.ATOMIC_MOVE);
      return new InstanceJournals(dir, base, id, lockFile, channel);
    } catch (IOException | RuntimeException e) {
      HELD.remove(lockFile);
      if (channel != null) {
        channel.close();
        Files.deleteIfExists(fresh);
      }
      throw e;
    } finally {
      HELD.remove(fresh);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /**
   * Writes into this instance's lock file the id of the database its journals are for; called once
   * the database is open, before anything is journaled.
   */
  void belongTo(String databaseId) {
    try {
      lockChannel.truncate(0);
      lockChannel.write(ByteBuffer.wrap(databaseId.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      throw new StoreException("cannot write " + lockFile + ": " + e.getMessage(), e);
    }
  }

  Path sentFile() {
    return sentFile(id);
  }

  Path rawFile() {
    return rawFile(id);
  }

  /**
   * The journals left by instances that died while they wrote for the database {@code databaseId}
   * (or for one they did not name), each locked until {@link Leftover#close}, which deletes them;
   * and those of a version before this one.
   */
  List<Leftover> leftovers(String databaseId) {
    List<Leftover> found = new ArrayList<>();
    Path legacySent = dir.resolve(base + "-sent");
    Path legacyRaw = dir.resolve(base + "-raw");
    if (Files.exists(legacySent) || Files.exists(legacyRaw)) {
      found.add(new Leftover(legacySent, legacyRaw, null, null));
    }
    try (DirectoryStream<Path> locks =
        Files.newDirectoryStream(dir, glob(base) + LOCK_INFIX + "*" + LOCK_SUFFIX)) {
      for (Path lock : locks) {
        String other = idOf(lock);
        if (!other.equals(id) && !HELD.contains(lock)) {
          Optional<FileChannel> dead = deadOwner(lock);
          if (dead.isPresent() && isFor(databaseId, lock, dead.get())) {
            found.add(leftover(other, lock, dead.get()));
          }
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot look for journals in " + dir + ": " + e.getMessage(), e);
    }
    removeHalfMadeLocks();
    return found;
  }

  /**
   * Deletes the lock files that starts killed while they made them left behind ({@code
   * <database>-journals.<id>.new}: created and locked under that name, then moved to its {@code
   * .lock} name). Such a file names no journal (none is written before the move), and would
   * otherwise stay for good, one more for every start killed in that instant. A start making one
   * right now holds its lock and keeps it; in the instant before it took it, the file may be
   * deleted, and that start then draws another id.
   */
  private void removeHalfMadeLocks() {
    try (DirectoryStream<Path> halfMade =
        Files.newDirectoryStream(dir, glob(base) + LOCK_INFIX + "*" + NEW_SUFFIX)) {
      for (Path lock : halfMade) {
        if (!HELD.contains(lock)) {
          Optional<FileChannel> dead = deadOwner(lock);
          if (dead.isPresent()) {
            try (FileChannel channel = dead.get()) {
              Files.deleteIfExists(lock);
            }
          }
        }
      }
    } catch (IOException e) {
      // Harmless: an empty file that names no journal; the next start tries again.
    }
  }

  /** Deletes this store's journals when they hold nothing, and frees its lock. */
  @Override
  public void close() {
    try {
      if (isEmpty(sentFile()) && isEmpty(rawFile())) {
        delete(sentFile());
        delete(rawFile());
        Files.deleteIfExists(lockFile);
      }
      lockChannel.close();
    } catch (IOException e) {
      // Left behind, they are replayed by the next start: nothing is lost.
    } finally {
      HELD.remove(lockFile);
    }
  }

  private Leftover leftover(String other, Path lock, FileChannel channel) {
    return new Leftover(sentFile(other), rawFile(other), lock, channel);
  }

  /**
   * Whether a dead instance's journals, whose lock file is open in {@code channel}, were written
   * for the database {@code databaseId} or name none. When not, the channel is closed (freeing the
   * lock, the files left as they are) and the start says so.
   */
  private boolean isFor(String databaseId, Path lock, FileChannel channel) throws IOException {
    String theirs = databaseIdIn(channel);
    if (theirs.isEmpty() || theirs.equals(databaseId)) {
      return true;
    }
    channel.close();
    LOG.warn(
        "crash journals of another database (id {}, this one is {}) are beside it: not replayed;"
            + " move {} and the journals named after it to that database's directory",
        theirs,
        databaseId,
        lock.getFileName());
    return false;
  }

  /** The database id written in a lock file ({@link #belongTo}), or "" when none is. */
  private static String databaseIdIn(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || size > MAX_ID_BYTES) {
      return size == 0 ? "" : "(unreadable)";
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) size);
    while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
      // read until full
    }
    return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).trim();
  }

  /** The lock file's channel, locked, when its owner is dead; empty when it lives. */
  private static Optional<FileChannel> deadOwner(Path lock) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return Optional.empty(); // another start replayed it meanwhile
    }
    FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(channel);
  }

  private Path sentFile(String owner) {
    return dir.resolve(base + "-sent." + owner);
  }

  private Path rawFile(String owner) {
    return dir.resolve(base + "-raw." + owner);
  }

  private String idOf(Path lock) {
    String name = lock.getFileName().toString();
    return name.substring((base + LOCK_INFIX).length(), name.length() - LOCK_SUFFIX.length());
  }

  /** Whether the journal named {@code file} holds nothing, in either of its two files. */
  private static boolean isEmpty(Path file) throws IOException {
    for (Path each : LineJournal.filesOf(file)) {
      if (Files.exists(each) && Files.size(each) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Deletes both files of the journal named {@code file}. */
  private static void delete(Path file) throws IOException {
    for (Path each : LineJournal.filesOf(file)) {
      Files.deleteIfExists(each);
    }
  }

  /** The database's name as a glob, its special characters escaped. */
  private static String glob(String name) {
    return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }

  /** A dead instance's journals, to replay; closing deletes them and frees their lock. */
  record Leftover(Path sent, Path raw, Path lock, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() {
      try {
        delete(sent);
        delete(raw);
        if (lock != null) {
          Files.deleteIfExists(lock);
          channel.close();
        }
      } catch (IOException e) {
        throw new StoreException("cannot delete replayed journals: " + e.getMessage(), e);
      }
    }
  }
}
