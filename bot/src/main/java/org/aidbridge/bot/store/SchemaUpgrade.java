package org.aidbridge.bot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date with Flyway, from the SQL steps of its dialect ({@code
 * db/migration/sqlite}, {@code db/migration/postgresql}), each step in its own transaction.
 *
 * <p>A SQLite file made before Flyway kept its version in {@code PRAGMA user_version} (step n made
 * version n, the steps being the same as the scripts {@code V1} to {@code V14}): it is baselined at
 * that version, and only the steps after it run. After every upgrade the SQLite file's {@code
 * user_version} is set to the schema's version again, so that an AidBridge from before Flyway still
 * refuses a file newer than it knows.
 */
final class SchemaUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);
  private static final String HISTORY = "flyway_schema_history";

  /**
   * The newest step of the SQLite scripts ({@code V25__...}). A database already at it opens
   * without Flyway: Flyway's scan of the scripts and its checks took about half a second of every
   * start. A test fails until this is raised with each new script.
   */
  static final int NEWEST_SQLITE = 26;

  private SchemaUpgrade() {}

  /** Upgrades the SQLite database on the store's own connection. */
  static void run(SqliteDatabase db) {
    run(db, Dialect.SQLITE.migrations());
  }

  /** As {@link #run(SqliteDatabase)}, from the steps at {@code location} (for tests). */
  static void run(SqliteDatabase db, String location) {
    Connection connection = db.connection();
    int legacy = sqliteUserVersion(connection);
    boolean flywayKept = hasHistory(connection);
    if (flywayKept
        && location.equals(Dialect.SQLITE.migrations())
        && upToDate(connection, legacy)) {
      return;
    }
    MigrationVersion now =
        migrate(
            new SingleConnectionDataSource(connection), location, flywayKept ? 0 : legacy, legacy);
    if (now != null) {
      // Whole numbers only (V15, not V15.1): PRAGMA takes an integer, which we make here.
      db.execute("PRAGMA user_version = " + now.getMajor().intValueExact());
    }
  }

  /** Upgrades the PostgreSQL database the pool connects to. */
  static void run(DataSource pool) {
    migrate(pool, Dialect.POSTGRESQL.migrations(), 0, 0);
  }

  /**
   * @param baseline the version a database made before Flyway is at (0: none, or one made new)
   * @param claimed the version the database says it has outside Flyway's history (SQLite's {@code
   *     user_version}), refused when newer than the scripts
   * @return the schema's version now, null for an empty one
   */
  private static MigrationVersion migrate(
      DataSource source, String location, int baseline, int claimed) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(source)
            .locations(location)
            .table(HISTORY)
            // One transaction for all the steps a database lacks: an upgrade is kept whole or not
            // at all, and a new database is made in one commit instead of one per step.
            .group(true)
            .baselineOnMigrate(baseline > 0)
            .baselineVersion(MigrationVersion.fromVersion(String.valueOf(Math.max(1, baseline))))
            .baselineDescription("made by AidBridge before Flyway")
            .load();
    try {
      MigrationInfoService before = flyway.info();
      refuseNewer(before.all(), claimed);
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("database schema upgraded to version {}", result.targetSchemaVersion);
        return MigrationVersion.fromVersion(result.targetSchemaVersion);
      }
      MigrationInfo current = before.current();
      return current == null ? null : current.getVersion();
    } catch (FlywayException e) {
      throw new StoreException("could not upgrade the database schema: " + e.getMessage(), e);
    }
  }

  /** A database written by a newer AidBridge is not touched: its schema may mean other things. */
  private static void refuseNewer(MigrationInfo[] all, int claimed) {
    MigrationVersion known =
        Arrays.stream(all)
            .filter(m -> m.getState().isResolved() && m.getVersion() != null)
            .map(MigrationInfo::getVersion)
            .max(MigrationVersion::compareTo)
            .orElse(MigrationVersion.fromVersion("0"));
    String newer =
        Arrays.stream(all)
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .map(m -> m.getVersion().getVersion())
            .reduce((a, b) -> b)
            .orElse(
                MigrationVersion.fromVersion(String.valueOf(claimed)).isNewerThan(known)
                    ? String.valueOf(claimed)
                    : null);
    if (newer != null) {
      throw new StoreException(
          "the database has schema version "
              + newer
              + " but this AidBridge knows only up to "
              + known.getVersion()
              + "; use a newer AidBridge");
    }
  }

  /**
   * Whether Flyway has nothing to do: the file says the newest version, and Flyway's history holds
   * every step up to it, none failed. (Flyway would also compare each applied script's checksum
   * with the script; that check now runs only when a step is to be applied.)
   */
  private static boolean upToDate(Connection connection, int userVersion) {
    if (userVersion != NEWEST_SQLITE) {
      return false;
    }
    String query =
        "SELECT max(CAST(version AS INTEGER)), count(*) FILTER (WHERE NOT success) FROM " + HISTORY;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      return rs.next() && rs.getInt(1) == NEWEST_SQLITE && rs.getInt(2) == 0;
    } catch (SQLException e) {
      return false; // Flyway then says what is wrong with its history
    }
  }

  private static int sqliteUserVersion(Connection connection) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new StoreException("cannot read the database's version: " + e.getMessage(), e);
    }
  }

  private static boolean hasHistory(Connection connection) {
    try (ResultSet rs = connection.getMetaData().getTables(null, null, HISTORY, null)) {
      return rs.next();
    } catch (SQLException e) {
      throw new StoreException("cannot read the database's tables: " + e.getMessage(), e);
    }
  }
}
