package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids in log lines are keyed pseudonyms: the same on every start of one installation (its key is in
 * its database), different on another, and never the id or its {@code String.hashCode}.
 */
class LogPseudonymsTest {
  private static final Address PERSON = Address.person(Channel.SIGNAL, "+15035550123");

  @TempDir Path dir;

  @Test
  void anIdKeepsItsPseudonymAcrossRestartsAndHasAnotherOnAnotherInstallation() {
    String first = loggedAfterStartWith("one.db");
    String afterRestart = loggedAfterStartWith("one.db");
    String elsewhere = loggedAfterStartWith("two.db");

    assertThat(first).matches("signal:person#[0-9a-f]{10}").isEqualTo(afterRestart);
    assertThat(elsewhere).matches("signal:person#[0-9a-f]{10}").isNotEqualTo(first);
    assertThat(first)
        .doesNotContain(PERSON.id())
        .doesNotContain("15035550123")
        .doesNotContain(Integer.toHexString(PERSON.id().hashCode()));
  }

  /** How the address shows in a log line once the application opened its database. */
  private String loggedAfterStartWith(String db) {
    Core core = Core.from(Settings.of(Map.of("db", dir.resolve(db).toString())));
    try (Store store = core.openStore(dir)) {
      return PERSON.toString();
    }
  }
}
