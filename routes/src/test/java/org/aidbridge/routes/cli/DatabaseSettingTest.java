package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code db} AidBridge cannot honour (another database server, a PostgreSQL URL with the password
 * in it) stops every command that opens the database, with one line naming the key, before anything
 * is created (it used to become a SQLite file named {@code jdbc:postgresql:/...} in the working
 * directory). A PostgreSQL URL opens PostgreSQL.
 */
class DatabaseSettingTest {
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/aidbridge?user=aid&password=pw";

  @TempDir Path dir;

  static Stream<List<String>> commandsThatOpenTheDatabase() {
    return Stream.of(
        List.of("run"),
        List.of("import", "sheet.csv"),
        List.of("export"),
        List.of("matches"),
        List.of("backup", "copy.db"));
  }

  @ParameterizedTest
  @MethodSource("commandsThatOpenTheDatabase")
  void postgresUrlWithThePasswordInItIsRefusedNamingTheKeyAndCreatesNothing(List<String> command)
      throws IOException {
    Cli.Result result =
        new Cli(dir)
            .env("AIDBRIDGE_DB", POSTGRES)
            .env("AIDBRIDGE_TELEGRAM_TOKEN", "123:abc") // so that `run` has a channel to start
            .env("AIDBRIDGE_TELEGRAM_API_URL", "http://127.0.0.1:1")
            .run(command.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("'db'")
        .contains("AIDBRIDGE_DB")
        .contains("AIDBRIDGE_DB_PASSWORD")
        .doesNotContain("=pw") // the URL holds a password: it is never echoed
        .doesNotContain("Exception");
    try (Stream<Path> created = Files.list(dir)) {
      assertThat(created).isEmpty();
    }
  }

  @Test
  void otherServerUrlsAreRefusedToo() {
    for (String db : new String[] {"postgres://db.example.org/aid", "jdbc:mysql://h/aid"}) {
      Cli.Result result = new Cli(dir).env("AIDBRIDGE_DB", db).run("export");

      assertThat(result.exitCode()).as(db).isEqualTo(AidBridgeCli.CONFIG_ERROR);
      assertThat(result.err())
          .as(db)
          .contains("AIDBRIDGE_DB")
          .contains("jdbc:postgresql://host:5432/database");
    }
  }

  @Test
  void postgresUrlOpensPostgresWithTheLoginFromTheEnvironment() throws IOException {
    DatabaseLogin login = TestPostgres.shared().newDatabase();

    Cli.Result export =
        new Cli(dir)
            .env("AIDBRIDGE_DB", login.jdbcUrl())
            .env("AIDBRIDGE_DB_USER", login.user())
            .run("export");
    Cli.Result backup =
        new Cli(dir)
            .env("AIDBRIDGE_DB", login.jdbcUrl())
            .env("AIDBRIDGE_DB_USER", login.user())
            .run("backup", "copy.db");

    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.outLines()).hasSize(1); // the header: the new database has no listing
    assertThat(backup.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(backup.err()).contains("pg_dump");
    try (Stream<Path> created = Files.list(dir)) {
      assertThat(created).isEmpty();
    }
  }

  @Test
  void theDatabaseLoginIsASecretNeverReadFromTheFile() throws IOException {
    Path config = dir.resolve("aidbridge.properties");
    Files.writeString(config, "db.password=hunter2\n");

    Cli.Result result = new Cli(dir).run("--config", config.toString(), "export");

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.err()).contains("AIDBRIDGE_DB_PASSWORD").doesNotContain("hunter2");
  }

  @Test
  void sqliteFilePathAndJdbcSqliteUrlAreAccepted() {
    Path viaUrl = dir.resolve("url/aid.db");

    Cli.Result plain = new Cli(dir).env("AIDBRIDGE_DB", "data/aid.db").run("export");
    Cli.Result url = new Cli(dir).env("AIDBRIDGE_DB", "jdbc:sqlite:" + viaUrl).run("export");
    Cli.Result memory = new Cli(dir).env("AIDBRIDGE_DB", ":memory:").run("export");

    assertThat(plain.exitCode()).isZero();
    assertThat(url.exitCode()).isZero();
    assertThat(memory.exitCode()).isZero();
    assertThat(dir.resolve("data/aid.db")).isRegularFile();
    assertThat(viaUrl).isRegularFile();
  }
}
