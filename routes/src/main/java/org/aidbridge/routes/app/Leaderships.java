package org.aidbridge.routes.app;

import java.time.Duration;
import org.aidbridge.bot.lead.AdvisoryLocks;
import org.aidbridge.bot.lead.ElectedLeadership;
import org.aidbridge.bot.lead.FileLocks;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;

/**
 * Which leadership an instance uses, from its database: several instances on one SQLite file (one
 * host) contend through a lock file beside it, several on one PostgreSQL database through advisory
 * locks; an instance alone on a database in memory leads everything.
 */
public final class Leaderships {
  /** How often a standby tries to take a role over, and a leader checks its locks are its own. */
  public static final String CHECK_SECONDS = "leadership.check.seconds";

  private static final int DEFAULT_CHECK_SECONDS = 3;
  private static final int MAX_CHECK_SECONDS = 10;

  private Leaderships() {}

  /** For {@code database} as the store opens it: a file path, a {@code jdbc:sqlite:} URL. */
  public static Leadership forSqlite(String database, Settings settings) {
    Duration every = checkEvery(settings);
    return SqliteStore.databaseFile(database)
        .<Leadership>map(
            file -> new ElectedLeadership(new FileLocks(FileLocks.besides(file)), every))
        .orElseGet(Leadership::alone);
  }

  /**
   * Advisory locks of the PostgreSQL database {@code connector} opens connections to (one is kept
   * for the locks). A statement waits at most half the check period, so a leader cut off from the
   * database notices within one and a half periods, before PostgreSQL frees its locks.
   */
  public static Leadership forPostgres(AdvisoryLocks.Connector connector, Settings settings) {
    Duration every = checkEvery(settings);
    return new ElectedLeadership(new AdvisoryLocks(connector, every.dividedBy(2)), every);
  }

  /**
   * {@value #CHECK_SECONDS}: 1 to {@value #MAX_CHECK_SECONDS}, 3 by default. A standby takes a role
   * over at most this long after its leader's lock was freed, which keeps a takeover within 15 s
   * even when PostgreSQL must first notice that a whole machine went (8 s).
   */
  static Duration checkEvery(Settings settings) {
    int seconds = settings.integer(CHECK_SECONDS, DEFAULT_CHECK_SECONDS);
    if (seconds < 1 || seconds > MAX_CHECK_SECONDS) {
      throw new ConfigException(
          CHECK_SECONDS, "must be from 1 to " + MAX_CHECK_SECONDS + ", not " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }
}
