package org.aidbridge.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One JDBC connection shared by all threads, one at a time. A transaction holds the lock from begin
 * to commit, so no other thread's statements slip into it. A nested transaction is a savepoint of
 * the outer one: if it fails, its own changes are undone and the failure goes on to the caller.
 */
final class Database implements AutoCloseable {

  /** A piece of work on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private int depth; // transactions open on this thread; guarded by lock
  private boolean closed; // guarded by lock

  Database(Connection connection) {
    this.connection = connection;
  }

  /** Runs {@code work} atomically; called inside another transaction it joins that one. */
  <T> T inTransaction(Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return depth == 0 ? outermost(work) : nested(work);
    } catch (SQLException e) {
      throw new StoreException("database transaction failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  int update(String sql, Object... params) {
    return locked(
        sql,
        () -> {
          try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
          }
        });
  }

  /** Runs an INSERT and returns the new row's id. */
  long insert(String sql, Object... params) {
    return locked(
        sql,
        () -> {
          try (PreparedStatement statement = prepare(sql, params);
              Statement query = connection.createStatement()) {
            statement.executeUpdate();
            try (ResultSet rs = query.executeQuery("SELECT last_insert_rowid()")) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  <T> List<T> list(String sql, RowReader<T> reader, Object... params) {
    return locked(
        sql,
        () -> {
          List<T> rows = new ArrayList<>();
          try (PreparedStatement statement = prepare(sql, params);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              rows.add(reader.read(rs));
            }
          }
          return rows;
        });
  }

  <T> Optional<T> one(String sql, RowReader<T> reader, Object... params) {
    List<T> rows = list(sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Runs statements that take no parameters, such as a migration's DDL. */
  void execute(String sql) {
    locked(
        sql,
        () -> {
          try (Statement statement = connection.createStatement()) {
            return statement.execute(sql);
          }
        });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        connection.close();
      }
    } catch (SQLException e) {
      throw new StoreException("closing the database failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T outermost(Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    depth = 1;
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollback(e, null);
      throw e;
    } finally {
      depth = 0;
      connection.setAutoCommit(true);
    }
  }

  private <T> T nested(Work<T> work) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    depth++;
    try {
      T result = work.run();
      connection.releaseSavepoint(savepoint);
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollback(e, savepoint);
      throw e;
    } finally {
      depth--;
    }
  }

  private void rollback(Throwable cause, Savepoint savepoint) {
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

  private <T> T locked(String sql, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("could not run `" + firstLine(sql) + "`: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw StoreException.closed();
    }
  }

  private static String firstLine(String sql) {
    String trimmed = sql.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end) + " ...";
  }
}
