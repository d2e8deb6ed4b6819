package org.aidbridge.routes.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where files named in the configuration are. A relative path is taken from {@code base.dir} (the
 * {@code ./aidbridge} launcher sets it to the repository root, so the database does not move with
 * the working directory), else from the working directory.
 */
public final class Paths {
  private Paths() {}

  /** The directory relative paths are resolved against. */
  public static Path baseDir(Settings settings, Path workingDir) {
    return settings
        .get("base.dir")
        .map(b -> path("base.dir", b))
        .map(workingDir::resolve)
        .orElse(workingDir);
  }

  /**
   * The database to open: a JDBC URL as given, or a file path made absolute (its directory is
   * created).
   */
  public static String database(Settings settings, Path workingDir) {
    return database(settings.required("db"), settings, workingDir);
  }

  /** Like {@link #database(Settings, Path)} for a given value of {@code db}. */
  public static String database(String db, Settings settings, Path workingDir) {
    if (db.startsWith("jdbc:")) {
      return db;
    }
    Path file = baseDir(settings, workingDir).resolve(path("db", db)).toAbsolutePath().normalize();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (IOException e) {
      throw new ConfigException(
          "db", "names a directory that cannot be created: " + e.getMessage());
    }
    return file.toString();
  }

  private static Path path(String key, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigException(key, "is not a valid path: " + e.getMessage());
    }
  }
}
