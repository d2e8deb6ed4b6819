package org.aidbridge.routes.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The unfinished copies that killed backups left in a backup directory ({@code
 * .<name>.partial-<uuid>}, {@link SqliteBackup}): never used, as private as a backup, and not
 * matched by a rotation that deletes old backups by their name. Each backup deletes those of any
 * name in its directory that have not been written to for {@link #STALE_AFTER}: a backup still
 * running writes its copy all the time until it checks it, moves it and is done, in seconds.
 */
final class UnfinishedCopies {
  /** How long an unfinished copy must have been left untouched to be taken for a dead backup's. */
  static final Duration STALE_AFTER = Duration.ofMinutes(15);

  private static final Pattern NAME =
      Pattern.compile(
          "\\..+\\.partial-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private UnfinishedCopies() {}

  /** The temporary name of a copy to {@code target} being made. */
  static Path partialOf(Path target) {
    return target.resolveSibling(
        "." + target.getFileName() + ".partial-" + java.util.UUID.randomUUID());
  }

  /**
   * Deletes the unfinished copies in {@code dir} last written before {@code now} minus {@link
   * #STALE_AFTER}.
   *
   * @return how many were deleted
   */
  static int removeStale(Path dir, Instant now) throws IOException {
    Instant before = now.minus(STALE_AFTER);
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (NAME.matcher(file.getFileName().toString()).matches()
            && Files.isRegularFile(file)
            && Files.getLastModifiedTime(file).toInstant().isBefore(before)
            && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    return removed;
  }
}
