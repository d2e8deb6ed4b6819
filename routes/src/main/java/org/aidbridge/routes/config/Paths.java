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
  private static final String POSTGRES_JDBC = "jdbc:postgresql://";
  private static final String MEMORY = ":memory:";

  /**
   * The database to open: a {@code jdbc:postgresql://} or {@code jdbc:sqlite:} URL or {@code
   * :memory:} as given, or a file path made absolute (its directory is created). Anything else
   * (another JDBC driver, a URL such as {@code postgresql://...}) is refused, see {@link
   * #requireSupported(String)}.
   */
  public static String database(Settings settings, Path workingDir) {
    return database(settings.required("db"), settings, workingDir);
  }

  /** Like {@link #database(Settings, Path)} for a given value of {@code db}. */
  public static String database(String db, Settings settings, Path workingDir) {
    requireSupported(db);
    if (db.startsWith(SQLITE_JDBC) || db.equals(MEMORY) || isPostgres(db)) {
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

  /** Fails unless {@code db} is in the settings at all and names a database AidBridge can open. */
  public static void requireSupported(Settings settings) {
    requireSupported(settings.required("db"));
  }

  /** Whether {@code db} names a PostgreSQL database (a {@code jdbc:postgresql://} URL). */
  public static boolean isPostgres(String db) {
    return db.startsWith(POSTGRES_JDBC);
  }

  /**
   * Fails unless {@code db} is a SQLite file path, a {@code jdbc:sqlite:} URL, {@code :memory:} or
   * a {@code jdbc:postgresql://} URL without a password in it. Without this, {@code
   * jdbc:mysql://host/db} would quietly become a SQLite file named {@code jdbc:mysql:/host/db} in
   * the working directory. The value is never echoed: a URL may hold a password.
   */
  public static void requireSupported(String db) {
    if (isPostgres(db)) {
      requireNoPasswordIn(db);
      return;
    }
    if (db.startsWith(SQLITE_JDBC) || db.equals(MEMORY)) {
      return;
    }
    boolean otherDatabase = db.regionMatches(true, 0, "jdbc:", 0, 5) || db.contains("://");
    if (otherDatabase) {
      throw new ConfigException(
          "db",
          "is not a database AidBridge can use: give a SQLite file path such as"
              + " data/aidbridge.db, a jdbc:sqlite: URL, or a PostgreSQL URL written"
              + " jdbc:postgresql://host:5432/database (no other database server is supported)");
    }
  }

  private static void requireNoPasswordIn(String url) {
    int query = url.indexOf('?');
    boolean password =
        query >= 0
            && java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .anyMatch(p -> p.toLowerCase(java.util.Locale.ROOT).startsWith("password="));
    if (password) {
      throw new ConfigException(
          "db",
          "holds a password: the password is a secret, set it in the environment as"
              + " AIDBRIDGE_DB_PASSWORD (and the user as AIDBRIDGE_DB_USER)");
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
