package org.aidbridge.bot.store;

import javax.sql.DataSource;

/**
 * A store on a database server that several AidBridge instances share ({@link PostgresStore}): what
 * coordinating them needs besides the store itself, such as advisory locks for leadership. A store
 * in one SQLite file is not one: there, one instance is all there is.
 */
public interface SharedDatabase {

  /**
   * The store's own pool. A connection taken from it must be given back ({@code close()}); one held
   * for long (a session-level advisory lock) takes a connection from the store's pool for that
   * long, so {@code db.pool.size} must allow for it.
   */
  DataSource dataSource();

  /** Where the database is and who logs in, for a connection of one's own outside the pool. */
  DatabaseLogin login();
}
