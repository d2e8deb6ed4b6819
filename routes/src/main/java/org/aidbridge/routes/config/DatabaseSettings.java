package org.aidbridge.routes.config;

import java.nio.file.Path;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.store.PostgresStore;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;

/**
 * Opens the store {@code db} names: SQLite for a file (the default), PostgreSQL for a {@code
 * jdbc:postgresql://} URL, logging in as {@code AIDBRIDGE_DB_USER} with {@code
 * AIDBRIDGE_DB_PASSWORD} (both from the environment only), through a pool of {@code db.pool.size}
 * connections.
 */
public final class DatabaseSettings {
  /** Connections the PostgreSQL pool keeps at most. */
  public static final String POOL_SIZE = "db.pool.size";

  private static final int DEFAULT_POOL_SIZE = 10;

  private DatabaseSettings() {}

  /** The store of {@code db}, its schema brought up to date. */
  public static Store open(Settings settings, Path workingDir) {
    String db = Paths.database(settings, workingDir);
    if (Paths.isPostgres(db)) {
      return PostgresStore.open(login(settings, db), poolSize(settings));
    }
    return SqliteStore.open(db);
  }

  /** How to log in to the PostgreSQL database at {@code jdbcUrl}. */
  public static DatabaseLogin login(Settings settings, String jdbcUrl) {
    Paths.requireSupported(jdbcUrl);
    return new DatabaseLogin(
        jdbcUrl, settings.get("db.user").orElse(null), settings.get("db.password").orElse(null));
  }

  public static int poolSize(Settings settings) {
    int size = settings.integer(POOL_SIZE, DEFAULT_POOL_SIZE);
    if (size < 2) {
      throw new ConfigException(POOL_SIZE, "must be at least 2, not " + size);
    }
    return size;
  }
}
