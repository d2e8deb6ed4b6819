package org.aidbridge.bot.store;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the {@link Migrations} a database lacks, each step in its own transaction. */
final class SchemaUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);

  private SchemaUpgrade() {}

  static void run(Database db) {
    run(db, Migrations.STEPS);
  }

  /** Brings the database to version {@code steps.size()}, step {@code n} making version n. */
  static void run(Database db, List<String> steps) {
    int current = version(db);
    int latest = steps.size();
    if (current > latest) {
      throw new StoreException(
          "the database has schema version "
              + current
              + " but this AidBridge knows only up to "
              + latest
              + "; use a newer AidBridge");
    }
    for (int next = current + 1; next <= latest; next++) {
      int target = next;
      db.inTransaction(
          () -> {
            for (String statement : Migrations.statements(steps.get(target - 1))) {
              db.execute(statement);
            }
            // PRAGMA takes no parameters; target is an int we control.
            db.execute("PRAGMA user_version = " + target);
            return null;
          });
      LOG.info("database schema upgraded to version {}", target);
    }
  }

  static int version(Database db) {
    return db.one("PRAGMA user_version", row -> row.getInt(1)).orElse(0);
  }
}
