package org.aidbridge.bot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Where the tables run their SQL: SQLite through one shared connection ({@link SqliteDatabase}),
 * PostgreSQL through a pool, a connection per transaction ({@link PooledDatabase}). Both run a
 * nested transaction as a savepoint of the outer one: if it fails, its own changes are undone and
 * the failure goes on to the caller.
 */
abstract class Database implements AutoCloseable {

  /** Appended to an INSERT: SQLite (3.35 and later) and PostgreSQL both return the new id so. */
  static final String RETURNING_ID = " RETURNING id";

  /** A piece of work on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /** Takes one row of a result. */
  @FunctionalInterface
  interface RowConsumer {
    void accept(ResultSet row) throws SQLException;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * The open transaction (or, outside one, everything committed so far) must be on disk, not only
   * in the operating system's cache, before its commit returns.
   */
  abstract void requireDurable();

  /** Runs {@code work} atomically; called inside another transaction it joins that one. */
  abstract <T> T inTransaction(Work<T> work);

  /** Whether this thread is inside a transaction of this database. */
  abstract boolean inOpenTransaction();

  /**
   * Runs {@code work} atomically without a savepoint of its own: outside a transaction as one of
   * its own; inside one, as part of it, so that a failure undoes it only with the whole
   * transaction. For many rows written together where no caller catches a failure and carries on: a
   * savepoint around a thousand listings cost more than it would ever save (BENCHMARKS.md).
   */
  <T> T atomically(Work<T> work) {
    if (!inOpenTransaction()) {
      return inTransaction(work);
    }
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("database transaction failed: " + e.getMessage(), e);
    }
  }

  abstract int update(String sql, Object... params);

  /**
   * Runs an INSERT with a RETURNING clause, handing on each row it returns (in no set order), in a
   * transaction (the caller's, or one of its own) so that its commit counts as a write.
   */
  void insertReturning(String sql, RowConsumer each, Object... params) {
    atomically(
        () -> {
          forEach(sql, each, params);
          return null;
        });
  }

  /** Runs an INSERT into a table whose key is {@code id} and returns the new row's id. */
  long insert(String sql, Object... params) {
    return insertIfNew(sql, params)
        .orElseThrow(() -> new StoreException("nothing inserted by " + firstLine(sql)));
  }

  /**
   * As {@link #insert}, for an INSERT that may insert nothing ({@code ON CONFLICT ... DO NOTHING}):
   * empty then.
   */
  abstract OptionalLong insertIfNew(String sql, Object... params);

  /** Hands each row to {@code consumer} as it is read, without collecting them. */
  abstract void forEach(String sql, RowConsumer consumer, Object... params);

  /** Runs statements that take no parameters, such as DDL. */
  abstract void execute(String sql);

  /**
   * Runs {@code undo} if the current transaction (or the savepoint it is in) is rolled back, after
   * the database has undone it, so memory kept beside the database can follow. Outside a
   * transaction, a statement is committed at once and there is nothing to undo.
   */
  abstract void onRollback(Runnable undo);

  /** Runs {@code work} while no transaction is half-way. */
  abstract <T> T exclusively(Supplier<T> work);

  /**
   * Runs {@code work} (one short statement) as soon as it can, ahead of threads queued for other
   * work where the database makes threads queue (SQLite's one connection). For what a reading
   * thread must keep before it reads on, and for recording a send the platform confirmed.
   */
  <T> T urgently(Supplier<T> work) {
    return inTransaction(work::get);
  }

  /** Which SQL this database speaks where the two differ. */
  abstract Dialect dialect();

  @Override
  public abstract void close();

  /**
   * Inside a transaction, makes other writers of {@code table} wait for it to end: PostgreSQL takes
   * a lock that conflicts with itself (so read-then-write work on the table, such as numbering a
   * new person, runs one at a time, across instances too); SQLite's transactions are one at a time
   * already.
   */
  void lockForWriting(String table) {
    if (dialect() == Dialect.POSTGRESQL) {
      execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
    }
  }

  <T> List<T> list(String sql, RowReader<T> reader, Object... params) {
    List<T> rows = new ArrayList<>();
    forEach(sql, row -> rows.add(reader.read(row)), params);
    return rows;
  }

  <T> Optional<T> one(String sql, RowReader<T> reader, Object... params) {
    List<T> rows = list(sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static String firstLine(String sql) {
    String trimmed = sql.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end) + " ...";
  }
}
