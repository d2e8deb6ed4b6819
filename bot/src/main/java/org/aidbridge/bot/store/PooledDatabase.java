package org.aidbridge.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A database server through a pool: each transaction has a connection of its own for as long as it
 * runs (several threads, and several instances, work at once; the server keeps them apart), and a
 * statement outside a transaction borrows one for itself. A nested transaction is a savepoint on
 * the connection of the outer one.
 */
final class PooledDatabase extends Database {

  /** The transaction open on one thread. */
  private static final class Open {
    final Connection connection;
    final List<Runnable> onRollback = new ArrayList<>();

    Open(Connection connection) {
      this.connection = connection;
    }
  }

  private final DataSource pool;
  private final AutoCloseable closer;
  private final ThreadLocal<Open> open = new ThreadLocal<>();
  // Work runs under the read lock; exclusively() takes the write lock, so that it sees no
  // transaction of this instance half-way (what a ListingWatcher needs to start from).
  private final ReadWriteLock turns = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /**
   * @param pool where connections come from
   * @param closer closes the pool with the database
   */
  PooledDatabase(DataSource pool, AutoCloseable closer) {
    this.pool = pool;
    this.closer = closer;
  }

  /** The server makes every commit durable before it returns ({@code synchronous_commit=on}). */
  @Override
  void requireDurable() {
    ensureOpen();
  }

  @Override
  <T> T inTransaction(Work<T> work) {
    ensureOpen();
    Open current = open.get();
    try {
      return current == null ? outermost(work) : nested(current, work);
    } catch (SQLException e) {
      throw new StoreException("database transaction failed: " + e.getMessage(), e);
    }
  }

  @Override
  boolean inOpenTransaction() {
    return open.get() != null;
  }

  @Override
  int update(String sql, Object... params) {
    return run(
        sql,
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
          }
        });
  }

  @Override
  OptionalLong insertIfNew(String sql, Object... params) {
    String returning = sql.strip() + RETURNING_ID;
    return run(
        sql,
        connection -> {
          try (PreparedStatement statement = prepare(connection, returning, params);
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
          }
        });
  }

  @Override
  void forEach(String sql, RowConsumer consumer, Object... params) {
    run(
        sql,
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, params);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              consumer.accept(rs);
            }
          }
          return null;
        });
  }

  @Override
  void execute(String sql) {
    run(
        sql,
        connection -> {
          try (Statement statement = connection.createStatement()) {
            return statement.execute(sql);
          }
        });
  }

  @Override
  void onRollback(Runnable undo) {
    Open current = open.get();
    if (current != null) {
      current.onRollback.add(undo);
    }
  }

  @Override
  <T> T exclusively(Supplier<T> work) {
    ensureOpen();
    if (open.get() != null) {
      return work.get(); // this thread's own transaction is the one half-way
    }
    turns.writeLock().lock();
    try {
      return work.get();
    } finally {
      turns.writeLock().unlock();
    }
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closer.close();
    } catch (Exception e) {
      throw new StoreException("closing the database failed: " + e.getMessage(), e);
    }
  }

  /** What a statement does with its connection. */
  @FunctionalInterface
  private interface OnConnection<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs on the thread's transaction, or alone on a connection borrowed for it. */
  private <T> T run(String sql, OnConnection<T> work) {
    ensureOpen();
    Open current = open.get();
    try {
      if (current != null) {
        return work.run(current.connection);
      }
      turns.readLock().lock();
      try (Connection connection = pool.getConnection()) {
        return work.run(connection);
      } finally {
        turns.readLock().unlock();
      }
    } catch (SQLException e) {
      throw new StoreException("could not run `" + firstLine(sql) + "`: " + e.getMessage(), e);
    }
  }

  private <T> T outermost(Work<T> work) throws SQLException {
    turns.readLock().lock();
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      Open current = new Open(connection);
      open.set(current);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e, null);
        undoInMemory(current, 0, e);
        throw e;
      } finally {
        open.remove();
        connection.setAutoCommit(true);
      }
    } finally {
      turns.readLock().unlock();
    }
  }

  private <T> T nested(Open current, Work<T> work) throws SQLException {
    Connection connection = current.connection;
    Savepoint savepoint = connection.setSavepoint();
    int undoMark = current.onRollback.size();
    try {
      T result = work.run();
      connection.releaseSavepoint(savepoint);
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollback(connection, e, savepoint);
      undoInMemory(current, undoMark, e);
      throw e;
    }
  }

  /** Runs, newest first, what was registered since {@code mark}, and forgets it. */
  private static void undoInMemory(Open current, int mark, Throwable cause) {
    for (int i = current.onRollback.size() - 1; i >= mark; i--) {
      Runnable undo = current.onRollback.remove(i);
      try {
        undo.run();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private static void rollback(Connection connection, Throwable cause, Savepoint savepoint) {
    try {
      if (savepoint == null) {
        connection.rollback();
      } else {
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw StoreException.closed();
    }
  }
}
