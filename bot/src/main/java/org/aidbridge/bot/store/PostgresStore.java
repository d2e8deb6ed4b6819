package org.aidbridge.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The store in a PostgreSQL database, through a pool of connections (HikariCP), a connection per
 * transaction: for a network that needs a database server, and several AidBridge instances on one
 * database. The schema is brought up to date by Flyway when it opens (several instances starting at
 * once take turns: Flyway holds a lock on the database while it migrates).
 *
 * <p>What differs from SQLite is only where several instances meet: an outbox entry is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same entry, nor two entries to
 * one recipient at once.
 */
public final class PostgresStore extends JdbcStore implements SharedDatabase {
  /** The URLs this store opens. */
  public static final String JDBC_PREFIX = "jdbc:postgresql:";

  private final HikariDataSource pool;
  private final DatabaseLogin login;

  private PostgresStore(
      PooledDatabase db, HikariDataSource pool, DatabaseLogin login, RandomGenerator random) {
    super(db, random);
    this.pool = pool;
    this.login = login;
  }

  /** Opens the database, with a pool of at most {@code poolSize} connections. */
  public static PostgresStore open(DatabaseLogin login, int poolSize) {
    return open(login, poolSize, new SecureRandom());
  }

  static PostgresStore open(DatabaseLogin login, int poolSize, RandomGenerator random) {
    HikariDataSource pool = pool(login, poolSize);
    PooledDatabase db = new PooledDatabase(pool, pool);
    try {
      SchemaUpgrade.run(pool);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new PostgresStore(db, pool, login, random);
  }

  private static HikariDataSource pool(DatabaseLogin login, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(login.jdbcUrl());
    config.setUsername(login.user());
    config.setPassword(login.password());
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("aidbridge-db");
    config.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreException("cannot open the database: " + cause.getMessage(), e);
    }
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public DatabaseLogin login() {
    return login;
  }
}
