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

  private static final String SQLITE_JDBC = "jdbc:sqlite:";
  private static final String MEMORY = ":memory:";

  /**
   * The database to open: a {@code jdbc:sqlite:} URL or {@code :memory:} as given, or a file path
   * made absolute (its directory is created). Anything else (another JDBC driver, a URL such as
   * {@code postgresql://...}) is refused, see {@link #requireSqlite(String)}.
   */
  public static String database(Settings settings, Path workingDir) {
    return database(settings.required("db"), settings, workingDir);
  }

  /** Like {@link #database(Settings, Path)} for a given value of {@code db}. */
  public static String database(String db, Settings settings, Path workingDir) {
    requireSqlite(db);
    if (db.startsWith(SQLITE_JDBC) || db.equals(MEMORY)) {
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

  /** Fails unless {@code db} is in the settings at all and names a database SQLite can open. */
  public static void requireSqlite(Settings settings) {
    requireSqlite(settings.required("db"));
  }

  /**
   * Fails unless {@code db} is a SQLite file path, a {@code jdbc:sqlite:} URL or {@code :memory:}.
   * Without this, {@code jdbc:postgresql://host/db} would quietly become a SQLite file named {@code
   * jdbc:postgresql:/host/db} in the working directory.
   */
  public static void requireSqlite(String db) {
    if (db.startsWith(SQLITE_JDBC) || db.equals(MEMORY)) {
      return;
    }
    boolean otherDatabase = db.regionMatches(true, 0, "jdbc:", 0, 5) || db.contains("://");
    if (otherDatabase) {
      throw new ConfigException(
          "db",
          "is not a SQLite database: PostgreSQL (and any other database server) is not supported"
              + " yet; give a file path such as data/aidbridge.db or a jdbc:sqlite: URL");
    }
  }

  private static Path path(String key, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigException(key, "is not a valid path: " + e.getMessage());
    }
  }
}
