package org.aidbridge.bot.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.aidbridge.bot.port.Role;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instances on one PostgreSQL database (a real server, see {@link TestPostgres}), each with its own
 * leadership connection. Checks are run by hand; the scheduled ones are an hour apart.
 *
 * <p>Each test has a database of its own. An advisory lock belongs to one database, and PostgreSQL
 * frees a closed session's locks only as its server process ends, a moment after the client closed
 * it: on one database shared by the class, the instances a test had just closed could still hold
 * the roles (and count as leadership sessions) when the next test started, which on a loaded
 * machine made that test fail.
 */
class AdvisoryLockLeadershipTest {
  private static final Duration NEVER = Duration.ofHours(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private DatabaseLogin database;

  @BeforeEach
  void newDatabase() {
    database = TestPostgres.shared().newDatabase();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  private ElectedLeadership instance() {
    return new ElectedLeadership(new AdvisoryLocks(this::connect, TIMEOUT), NEVER);
  }

  @Test
  void oneInstanceLeadsEachRoleAndAnotherTakesOverWhenItsConnectionEnds() {
    RecordingListener second = new RecordingListener();
    try (ElectedLeadership b = instance()) {
      ElectedLeadership a = instance();
      a.start(ALL, new RecordingListener());
      b.start(ALL, second);
      assertThat(ALL).allMatch(a::leads).noneMatch(b::leads);
      assertThat(a.mechanism()).isEqualTo("advisory-lock");

      a.close(); // the connection closes, as a killed process's socket does
      // PostgreSQL frees the locks as the closed session's process ends, a moment later.
      awaitTrue(
          () -> {
            b.check();
            return ALL.stream().allMatch(b::leads);
          });

      assertThat(second.told()).containsExactly("+core", "+telegram", "+signal", "+email");
    }
  }

  @Test
  void aLeaderWhoseConnectionWasCutStepsDownAtItsNextCheckAndAStandbyTakesOver() throws Exception {
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    try (ElectedLeadership a = instance();
        ElectedLeadership b = instance()) {
      a.start(EnumSet.of(Role.CORE, Role.TELEGRAM), first);
      b.start(EnumSet.of(Role.CORE, Role.TELEGRAM), second);

      assertThat(terminateLeadershipSessions()).isEqualTo(2);
      // Its own connection was cut too: it reconnects and takes the locks once PostgreSQL has
      // ended both sessions.
      awaitTrue(
          () -> {
            b.check();
            return b.leads(Role.CORE) && b.leads(Role.TELEGRAM);
          });
      a.check(); // b holds them: a gives up and cannot take them back

      assertThat(second.told()).containsExactly("+core", "+telegram");
      assertThat(first.told()).containsExactly("+core", "+telegram", "-core", "-telegram");
      assertThat(a.leads(Role.CORE)).isFalse();
      assertThat(b.leads(Role.CORE)).isTrue();
    }
  }

  @Test
  void aStandbyThatCannotReachTheDatabaseLeadsNothingAndTriesAgain() {
    AdvisoryLocks unreachable =
        new AdvisoryLocks(
            () -> java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/none"),
            TIMEOUT);
    RecordingListener told = new RecordingListener();
    try (ElectedLeadership a = new ElectedLeadership(unreachable, NEVER)) {
      a.start(ALL, told);
      a.check();
      assertThat(told.told()).isEmpty();
      assertThat(ALL).noneMatch(a::leads);
    }
  }

  /** Checks again and again, for at most 20 s, until {@code done}. */
  private static void awaitTrue(java.util.concurrent.Callable<Boolean> done) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(done);
  }

  /** Ends every leadership connection, as PostgreSQL does when it finds their client gone. */
  private int terminateLeadershipSessions() throws Exception {
    try (Connection admin = connect();
        Statement st = admin.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'aidbridge-leadership'"
                    + " AND datname = current_database()")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
