package org.aidbridge.bot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite through one JDBC connection shared by all threads, one at a time. A transaction holds the
 * lock from begin to commit, so no other thread's statements slip into it. A nested transaction is
 * a savepoint of the outer one: if it fails, its own changes are undone and the failure goes on to
 * the caller.
 */
final class SqliteDatabase extends Database {

  private static final int CACHED_STATEMENTS = 256;

  private final Connection connection;
  // Prepared once, reused: preparing costs more than running most of our statements. Guarded by
  // lock; the least recently used is closed when the cache is full (SQL built for a varying number
  // of parameters makes many shapes).
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= CACHED_STATEMENTS) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };
  private final ReentrantLock lock = new ReentrantLock();
  // Threads waiting to run urgent work ({@link #urgently}); the others let them go first.
  private final AtomicInteger urgent = new AtomicInteger();
  private final Condition noUrgentWork = lock.newCondition();
  private int depth; // transactions open on this thread; guarded by lock
  private boolean closed; // guarded by lock
  // What to redo in memory when the database undoes a transaction or savepoint; guarded by lock.
  private final List<Runnable> onRollback = new ArrayList<>();

  private final Path walFile; // null for a database in memory
  private final WalSync walSync;
  // Writes so far (statements outside a transaction, commits), each counted once it is done: a
  // sync that began after the count reached n covers the first n.
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong syncedWrites = new AtomicLong(); // writes covered by a finished sync
  private boolean durableCommit; // the open transaction must be on disk when it commits
  // The outermost transaction just committed and must reach the disk: its write's number, or 0.
  private long toSync; // guarded by lock

  /** Forces a write-ahead log to the disk; replaced in tests to see what waits for it. */
  @FunctionalInterface
  interface WalSync {
    void force(Path walFile) throws IOException;
  }

  SqliteDatabase(Connection connection, Path walFile) {
    this(connection, walFile, SqliteDatabase::forceWal);
  }

  SqliteDatabase(Connection connection, Path walFile, WalSync walSync) {
    this.connection = connection;
    this.walFile = walFile;
    this.walSync = walSync;
  }

  /** Commits are otherwise made with {@code synchronous=NORMAL}: safe against a crash only. */
  @Override
  void requireDurable() {
    long upTo;
    acquire();
    try {
      if (depth > 0) {
        durableCommit = true;
        return;
      }
      upTo = writes.get();
    } finally {
      lock.unlock();
    }
    syncToDisk(upTo);
  }

  /**
   * Forces the first {@code upTo} writes onto the disk (one fsync of the write-ahead log, which
   * holds every commit since the last checkpoint; a checkpoint syncs what it copies into the
   * database file), unless a sync that began after them has ended already.
   *
   * <p>Runs after the connection's lock is let go, wherever the thread holds it no more: an fsync
   * takes milliseconds, and meanwhile a reading thread can keep what it read (and a batch of them
   * grows for the next group commit) instead of waiting behind it. Commits made during the sync
   * only add to the log after ours; the caller still returns only once the sync has ended.
   */
  private void syncToDisk(long upTo) {
    if (walFile == null || syncedWrites.get() >= upTo) {
      return;
    }
    long covered = writes.get(); // every write counted here was done before the sync begins
    try {
      walSync.force(walFile);
    } catch (NoSuchFileException e) {
      // No log: the last connection closed, after checkpointing (and syncing) everything into the
      // database file.
    } catch (IOException e) {
      throw new StoreException("could not sync the database to disk: " + e.getMessage(), e);
    }
    syncedWrites.accumulateAndGet(covered, Math::max);
  }

  private static void forceWal(Path walFile) throws IOException {
    if (!Files.exists(walFile)) {
      return;
    }
    try (FileChannel wal = FileChannel.open(walFile, StandardOpenOption.WRITE)) {
      wal.force(false);
    }
  }

  @Override
  <T> T inTransaction(Work<T> work) {
    T result;
    long upTo;
    acquire();
    try {
      ensureOpen();
      if (depth > 0) {
        return nested(work);
      }
      result = outermost(work);
      upTo = toSync;
      toSync = 0;
    } catch (SQLException e) {
      throw new StoreException("database transaction failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
    if (upTo > 0) {
      syncToDisk(upTo); // outside the lock (unless an enclosing call of this thread holds it)
    }
    return result;
  }

  @Override
  boolean inOpenTransaction() {
    // The lock is held from a transaction's begin to its end: held here, depth is this thread's.
    return lock.isHeldByCurrentThread() && depth > 0;
  }

  @Override
  int update(String sql, Object... params) {
    return locked(
        sql,
        () -> {
          int changed = prepare(sql, params).executeUpdate();
          writes.incrementAndGet();
          return changed;
        });
  }

  @Override
  OptionalLong insertIfNew(String sql, Object... params) {
    String returning = sql.strip() + RETURNING_ID;
    return locked(
        sql,
        () -> {
          try (ResultSet rs = prepare(returning, params).executeQuery()) {
            OptionalLong id = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            writes.incrementAndGet();
            return id;
          }
        });
  }

  @Override
  void forEach(String sql, RowConsumer consumer, Object... params) {
    locked(
        sql,
        () -> {
          PreparedStatement statement = prepare(sql, params);
          // While its rows are read, the same SQL run by the consumer gets a statement of its own.
          statements.remove(sql);
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              consumer.accept(rs);
            }
          } finally {
            if (statements.putIfAbsent(sql, statement) != null) {
              closeQuietly(statement);
            }
          }
          return null;
        });
  }

  @Override
  void execute(String sql) {
    locked(
        sql,
        () -> {
          try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(sql);
            writes.incrementAndGet();
            return rows;
          }
        });
  }

  @Override
  void onRollback(Runnable undo) {
    acquire();
    try {
      if (depth > 0) {
        onRollback.add(undo);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  <T> T exclusively(java.util.function.Supplier<T> work) {
    acquire();
    try {
      ensureOpen();
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }

  /** The connection itself, for the schema upgrade that runs before any other statement. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    acquire();
    try {
      if (!closed) {
        closed = true;
        statements.values().forEach(SqliteDatabase::closeQuietly);
        statements.clear();
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
      long written = writes.incrementAndGet();
      onRollback.clear();
      if (durableCommit) {
        toSync = written; // synced by inTransaction once the lock is let go
      }
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollback(e);
      undoInMemory(0, e);
      throw e;
    } finally {
      depth = 0;
      durableCommit = false;
      onRollback.clear();
      connection.setAutoCommit(true);
    }
  }

  /**
   * A savepoint named by its depth, through cached statements: the driver's {@code setSavepoint}
   * formats and prepares new SQL each time, which cost more than the insert it usually guards.
   */
  private <T> T nested(Work<T> work) throws SQLException {
    String savepoint = "nest" + depth;
    prepare("SAVEPOINT " + savepoint).execute();
    int undoMark = onRollback.size();
    depth++;
    try {
      T result = work.run();
      prepare("RELEASE " + savepoint).execute();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollbackTo(savepoint, e);
      undoInMemory(undoMark, e);
      throw e;
    } finally {
      depth--;
    }
  }

  private void rollbackTo(String savepoint, Throwable cause) {
    try {
      prepare("ROLLBACK TO " + savepoint).execute();
      prepare("RELEASE " + savepoint).execute();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Runs, newest first, what was registered since {@code mark}, and forgets it. */
  private void undoInMemory(int mark, Throwable cause) {
    for (int i = onRollback.size() - 1; i >= mark; i--) {
      Runnable undo = onRollback.remove(i);
      try {
        undo.run();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private void rollback(Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private <T> T locked(String sql, Work<T> work) {
    acquire();
    try {
      ensureOpen();
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("could not run `" + firstLine(sql) + "`: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The cached statement for {@code sql} with its parameters set. Never closed by callers. */
  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    statement.clearParameters();
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // Closing a statement we no longer want: nothing to do about a failure.
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw StoreException.closed();
    }
  }

  /**
   * Runs {@code work} (one short statement) on the connection as soon as the transaction running
   * now ends, ahead of every thread that waits for the connection for other work. For what a
   * reading thread must keep before it reads on: behind a queue of messages being handled and their
   * syncs to disk, the wait reached a second on a loaded machine, while more arrived on the socket.
   */
  @Override
  <T> T urgently(java.util.function.Supplier<T> work) {
    urgent.incrementAndGet();
    lock.lock();
    try {
      ensureOpen();
      return work.get();
    } finally {
      if (urgent.decrementAndGet() == 0) {
        noUrgentWork.signalAll();
      }
      lock.unlock();
    }
  }

  /** How many threads wait for the connection (for tests of the order they get it in). */
  int waitingThreads() {
    return lock.getQueueLength();
  }

  /**
   * Takes the connection's lock; a thread that does not hold it yet lets urgent work ({@link
   * #urgently}) go first. Held already (a statement inside this thread's transaction), it never
   * waits.
   */
  private void acquire() {
    lock.lock();
    while (lock.getHoldCount() == 1 && urgent.get() > 0) {
      noUrgentWork.awaitUninterruptibly();
    }
  }
}
