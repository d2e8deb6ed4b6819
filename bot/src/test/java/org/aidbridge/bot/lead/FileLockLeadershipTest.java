package org.aidbridge.bot.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.aidbridge.bot.port.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one SQLite file, as two leaderships on its lock file. Their checks are run by
 * hand ({@link ElectedLeadership#check}); the scheduled ones are an hour apart.
 */
class FileLockLeadershipTest {
  private static final Duration NEVER = Duration.ofHours(1);
  private static final Set<Role> ALL = EnumSet.allOf(Role.class);

  @TempDir Path dir;

  @Test
  void theFirstInstanceLeadsEveryRoleFromItsStartAndTheSecondStandsBy() {
    Path lock = FileLocks.besides(dir.resolve("aidbridge.db"));
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    try (ElectedLeadership a = new ElectedLeadership(new FileLocks(lock), NEVER);
        ElectedLeadership b = new ElectedLeadership(new FileLocks(lock), NEVER)) {
      a.start(ALL, first);
      b.start(ALL, second);
      b.check();

      assertThat(first.told()).containsExactly("+core", "+telegram", "+signal", "+email");
      assertThat(ALL).allMatch(a::leads).noneMatch(b::leads);
      assertThat(second.told()).isEmpty();
      assertThat(lock).exists().hasFileName("aidbridge.db.lock");
      assertThat(a.mechanism()).isEqualTo("file-lock");
    }
  }

  @Test
  void whenTheLeaderStopsTheStandbyTakesEveryRoleAtItsNextCheck() {
    Path lock = FileLocks.besides(dir.resolve("aidbridge.db"));
    RecordingListener second = new RecordingListener();
    try (ElectedLeadership b = new ElectedLeadership(new FileLocks(lock), NEVER)) {
      ElectedLeadership a = new ElectedLeadership(new FileLocks(lock), NEVER);
      a.start(ALL, new RecordingListener());
      b.start(ALL, second);
      assertThat(second.told()).isEmpty();

      a.close(); // its locks go with it, as with a process that died
      b.check();

      assertThat(second.told()).containsExactly("+core", "+telegram", "+signal", "+email");
      assertThat(ALL).allMatch(b::leads);
    }
  }

  @Test
  void onlyTheRolesAnInstanceRunsAreContendedFor() {
    Path lock = FileLocks.besides(dir.resolve("aidbridge.db"));
    try (ElectedLeadership a = new ElectedLeadership(new FileLocks(lock), NEVER);
        ElectedLeadership b = new ElectedLeadership(new FileLocks(lock), NEVER)) {
      a.start(EnumSet.of(Role.CORE, Role.EMAIL), new RecordingListener());
      b.start(ALL, new RecordingListener());

      assertThat(a.leads(Role.TELEGRAM)).isFalse();
      assertThat(b.leads(Role.TELEGRAM)).isTrue();
      assertThat(b.leads(Role.SIGNAL)).isTrue();
      assertThat(b.leads(Role.CORE)).isFalse();
      assertThat(b.leads(Role.EMAIL)).isFalse();
    }
  }

  @Test
  void aLeaderWhoseLockFileWasReplacedStepsDownFromEveryRole() throws Exception {
    Path lock = FileLocks.besides(dir.resolve("aidbridge.db"));
    RecordingListener told = new RecordingListener();
    try (ElectedLeadership a = new ElectedLeadership(new FileLocks(lock), NEVER)) {
      a.start(EnumSet.of(Role.CORE, Role.EMAIL), told);
      Files.delete(lock); // another instance could now lock a new file of the same name
      Files.createFile(dir.resolve("other"));
      Files.move(dir.resolve("other"), lock);

      a.check();

      // It gives both up, then, holding nothing, takes them again on the new file.
      assertThat(told.told())
          .containsExactly("+core", "+email", "-core", "-email", "+core", "+email");
    }
  }
}
