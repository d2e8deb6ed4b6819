package org.aidbridge.bot.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import org.aidbridge.bot.port.Role;

/**
 * The roles' locks as PostgreSQL session advisory locks ({@code pg_try_advisory_lock(key, slot)}),
 * held on one connection of their own. PostgreSQL frees them when that connection ends: at once
 * when the holding process dies (its socket closes), and after the TCP keepalive set here ({@link
 * #KEEPALIVE}) when its whole machine or network goes. The holder checks its connection every round
 * ({@link #intact}) with a network timeout, so a leader cut off from the database gives its roles
 * up before PostgreSQL can hand them to another instance.
 */
public final class AdvisoryLocks implements LockSpace {
  /** The first key of every AidBridge advisory lock: "AidB". The role's slot is the second. */
  static final int KEY = 0x41696442;

  /**
   * How long PostgreSQL waits for a silent client before it drops the connection (and the locks):
   * keepalive probes after 4 s idle, every 2 s, 2 unanswered ones; unacknowledged data at most 8 s.
   */
  static final Duration KEEPALIVE = Duration.ofSeconds(8);

  /** Opens a new connection to the database; each call a new one. */
  @FunctionalInterface
  public interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final Duration timeout;
  private final Set<Role> held = EnumSet.noneOf(Role.class);
  private Connection connection;

  /**
   * @param timeout how long one statement may wait for the server before the connection counts as
   *     lost (less than {@link #KEEPALIVE}, so this side notices first)
   */
  public AdvisoryLocks(Connector connector, Duration timeout) {
    this.connector = connector;
    this.timeout = timeout;
  }

  @Override
  public synchronized boolean tryAcquire(Role role) throws SQLException {
    try (PreparedStatement lock =
        connection().prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      lock.setInt(1, KEY);
      lock.setInt(2, role.slot());
      try (ResultSet result = lock.executeQuery()) {
        boolean got = result.next() && result.getBoolean(1);
        if (got) {
          held.add(role);
        }
        return got;
      }
    }
  }

  /** The connection is alive and PostgreSQL still lists each lock we took as ours. */
  @Override
  public synchronized boolean intact() throws SQLException {
    if (connection == null) {
      return false;
    }
    String ours =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND pid = pg_backend_pid() AND classid::bigint = ? AND objsubid = 2";
    try (PreparedStatement count = connection.prepareStatement(ours)) {
      count.setLong(1, Integer.toUnsignedLong(KEY));
      try (ResultSet result = count.executeQuery()) {
        return result.next() && result.getInt(1) == held.size();
      }
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      Connection opened = connector.open();
      try {
        prepare(opened);
      } catch (SQLException e) {
        closeQuietly(opened);
        throw e;
      }
      connection = opened;
    }
    return connection;
  }

  private void prepare(Connection opened) throws SQLException {
    opened.setAutoCommit(true);
    Executor direct = Runnable::run;
    opened.setNetworkTimeout(direct, (int) timeout.toMillis());
    try (Statement set = opened.createStatement()) {
      // The server's side of a dead client: these settings are the session's own.
      set.execute("SET tcp_keepalives_idle = 4");
      set.execute("SET tcp_keepalives_interval = 2");
      set.execute("SET tcp_keepalives_count = 2");
      set.execute("SET application_name = 'aidbridge-leadership'");
    }
    try (Statement set = opened.createStatement()) {
      set.execute("SET tcp_user_timeout = " + KEEPALIVE.toMillis());
    } catch (SQLException olderThan12) {
      // The keepalive alone then tells the server that the client is gone.
    }
  }

  @Override
  public synchronized void reset() {
    held.clear();
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
  }

  @Override
  public String mechanism() {
    return "advisory-lock";
  }

  /** Closing the connection frees its session's locks. */
  @Override
  public synchronized void close() {
    reset();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Gone either way: a connection that cannot be closed holds no locks we rely on.
    }
  }
}
