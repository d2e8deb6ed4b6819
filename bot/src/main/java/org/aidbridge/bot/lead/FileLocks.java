package org.aidbridge.bot.lead;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aidbridge.bot.port.Role;

/**
 * The roles' locks as bytes of one lock file beside a SQLite database ({@link FileChannel#tryLock}
 * on the byte at the role's {@link Role#slot}): the operating system frees them the moment the
 * holding process dies, however it dies. For instances on one host sharing one database file; file
 * locks over a network file system are not to be trusted (nor is SQLite there).
 */
public final class FileLocks implements LockSpace {
  private final Path file;
  private FileChannel channel;
  private Object fileKey;
  private final List<FileLock> held = new ArrayList<>();

  /**
   * @param file the lock file, created when missing (it stays, empty: deleting it while instances
   *     run would let a new one lock a new file)
   */
  public FileLocks(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The lock file beside {@code database}: its name with {@code .lock} added. */
  public static Path besides(Path database) {
    return database.resolveSibling(database.getFileName() + ".lock");
  }

  @Override
  public synchronized boolean tryAcquire(Role role) throws IOException {
    FileChannel open = open();
    try {
      FileLock lock = open.tryLock(role.slot(), 1, false);
      if (lock == null) {
        return false;
      }
      held.add(lock);
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // another Leadership in this same process holds it (tests)
    }
  }

  private FileChannel open() throws IOException {
    if (channel == null || !channel.isOpen()) {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      fileKey = key();
    }
    return channel;
  }

  /** Still the same file (not deleted or replaced), and every lock still valid. */
  @Override
  public synchronized boolean intact() throws IOException {
    return channel != null
        && channel.isOpen()
        && held.stream().allMatch(FileLock::isValid)
        && Files.exists(file)
        && Objects.equals(fileKey, key());
  }

  private Object key() throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  @Override
  public synchronized void reset() {
    closeChannel();
  }

  @Override
  public String mechanism() {
    return "file-lock";
  }

  @Override
  public synchronized void close() {
    closeChannel();
  }

  /** Closing the channel frees every lock taken through it. */
  private void closeChannel() {
    held.clear();
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closed or not, the locks are gone with the channel or with the process.
      }
      channel = null;
    }
  }
}
