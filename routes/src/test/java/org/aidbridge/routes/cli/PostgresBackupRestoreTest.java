package org.aidbridge.routes.cli;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.store.PostgresStore;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL backup of docs/deploy.md, run as written: {@code pg_dump -Fc} of a live database,
 * {@code pg_restore} into a new empty one, and the bot's store opens the copy with every row (and
 * its ids going on where they were). The tools are Debian's {@code postgresql-client}, which {@code
 * .ci/run} installs when missing.
 */
class PostgresBackupRestoreTest {
  @TempDir Path dir;

  @Test
  void aDumpRestoredIntoANewDatabaseHoldsEverythingAndTheBotCarriesOn() throws Exception {
    TestPostgres server = TestPostgres.shared();
    DatabaseLogin live = server.newDatabase();
    Listing need;
    long queued;
    byte[] key;
    try (PostgresStore store = PostgresStore.open(live, 2)) {
      need = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
      store.insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
      queued = store.enqueue(message(GROUP, "a need in Portland"), T0).id();
      store.putState("telegram.offset", "42");
      key = store.installationKey("log-pseudonyms");

      Path dump = dir.resolve("aidbridge.dump");
      tool("pg_dump", server, "-Fc", "-f", dump.toString(), name(live));
      DatabaseLogin restored = server.newDatabase();
      tool(
          "pg_restore",
          server,
          "--no-owner",
          "--exit-on-error",
          "-d",
          name(restored),
          dump.toString());
      store.putState("after", "the backup"); // not in the copy

      try (PostgresStore copy = PostgresStore.open(restored, 2)) {
        assertThat(copy.listingByRef(need.ref())).contains(need);
        assertThat(copy.allListings()).hasSize(2);
        assertThat(copy.outboxEntry(queued)).isPresent();
        assertThat(copy.state("telegram.offset")).contains("42");
        assertThat(copy.state("after")).isEmpty();
        assertThat(copy.installationKey("log-pseudonyms")).isEqualTo(key);
        assertThat(copy.insertListing(draft(Kind.NEED, BOB, Category.WATER)).id())
            .as("the id sequence is restored too")
            .isGreaterThan(need.id() + 1);
      }
    }
  }

  private static String name(DatabaseLogin login) {
    return login.jdbcUrl().substring(login.jdbcUrl().lastIndexOf('/') + 1);
  }

  /** Runs a PostgreSQL client tool against the test server, as docs/deploy.md does. */
  private static void tool(String name, TestPostgres server, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(clientTool(name).toString());
    command.addAll(
        List.of("-h", "127.0.0.1", "-p", String.valueOf(server.port()), "-U", "postgres"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(name + ": " + output).isZero();
  }

  /**
   * The newest installed client (Debian keeps each version in /usr/lib/postgresql/N/bin), else the
   * one on the PATH. A pg_dump must be at least as new as the server it dumps.
   */
  private static Path clientTool(String name) throws IOException {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        List<Path> found =
            versions
                .filter(v -> v.getFileName().toString().matches("\\d+"))
                .sorted(
                    java.util.Comparator.comparingInt(
                        v -> Integer.parseInt(v.getFileName().toString())))
                .map(v -> v.resolve("bin").resolve(name))
                .filter(Files::isExecutable)
                .toList();
        if (!found.isEmpty()) {
          return found.get(found.size() - 1);
        }
      }
    }
    for (String dirOnPath : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dirOnPath, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        name + " not found: install Debian's postgresql-client (.ci/run does so)");
  }
}
