package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aidbridge.bot.KeptFiles;

/**
 * The file beside a SQLite database that holds the match index's snapshot ({@code
 * <database>.match-index}), and what keeps a person the bot forgets out of it. The snapshot is
 * written while the bot runs, from pages of listings read one after another: a person forgotten
 * meanwhile may be in a page read before. So forgetting deletes the file first and counts, and a
 * snapshot whose reading began before a forgetting is thrown away instead of put in place. Only
 * that last step holds the lock forgetting holds, never a read of the store: a person may be
 * forgotten inside a transaction that the reading waits for.
 */
public final class SnapshotFile {
  private final Path path;
  private long forgettings; // guarded by this

  SnapshotFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** A number that changes with every person forgotten: read it before reading what to write. */
  public synchronized long forgettings() {
    return forgettings;
  }

  /**
   * Writes a new snapshot ({@link KeptFiles#writeNewChecked}: the body may read the store as it
   * goes, nothing is held here meanwhile) and puts it in place, unless a person has been forgotten
   * since {@link #forgettings()} said {@code forgettingsBefore}: false then, and the new file is
   * deleted.
   */
  public boolean replace(KeptFiles.Body body, long forgettingsBefore) throws IOException {
    Path fresh = KeptFiles.writeNewChecked(path, body);
    synchronized (this) {
      if (forgettings != forgettingsBefore) {
        Files.deleteIfExists(fresh);
        return false;
      }
      KeptFiles.moveInPlace(fresh, path);
      return true;
    }
  }

  /**
   * Runs {@code forget} with the file deleted first (a kill during it leaves none) and no snapshot
   * put in place until it is done.
   */
  synchronized void forgetting(Runnable forget) {
    forgettings++;
    KeptFiles.deleteLeftBehind(path);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new StoreException("could not delete the match index snapshot " + path, e);
    }
    forget.run();
  }
}
