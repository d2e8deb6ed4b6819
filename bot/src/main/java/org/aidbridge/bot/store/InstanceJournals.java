package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 */
final class InstanceJournals implements AutoCloseable {
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

  Path sentFile() {
    return sentFile(id);
  }

  Path rawFile() {
    return rawFile(id);
  }

  /**
   * The journals left by instances that died, each locked until {@link Leftover#close}, which
   * deletes them; and those of a version before this one.
   */
  List<Leftover> leftovers() {
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
          deadOwner(lock).ifPresent(channel -> found.add(leftover(other, lock, channel)));
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
          java.util.Optional<FileChannel> dead = deadOwner(lock);
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

  /** The lock file's channel, locked, when its owner is dead; empty when it lives. */
  private static java.util.Optional<FileChannel> deadOwner(Path lock) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(lock, StandardOpenOption.WRITE);
    } catch (java.nio.file.NoSuchFileException e) {
      return java.util.Optional.empty(); // another start replayed it meanwhile
    }
    FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      channel.close();
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(channel);
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
