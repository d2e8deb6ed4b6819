package org.aidbridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void optionWinsOverEnvironmentAndLocalFile() throws IOException {
    write("config/application.properties", "db=local.db\n");
    Path fromEnv = write("env.properties", "db=env.db\n");
    Path option = write("option.properties", "db=option.db\n");

    Settings settings =
        ConfigFiles.load(option, Map.of("AIDBRIDGE_CONFIG", fromEnv.toString()), dir);

    assertThat(settings.get("db")).contains("option.db");
  }

  @Test
  void environmentVariableNamesTheFileWhenNoOptionIsGiven() throws IOException {
    write("config/application.properties", "db=local.db\n");
    write("env.properties", "db=env.db\n");

    Settings settings = ConfigFiles.load(null, Map.of("AIDBRIDGE_CONFIG", "env.properties"), dir);

    assertThat(settings.get("db")).contains("env.db");
  }

  @Test
  void localConfigDirectoryIsReadWhenNothingElseIsSaid() throws IOException {
    write("config/application.properties", "db=local.db\n");

    assertThat(ConfigFiles.load(null, Map.of(), dir).get("db")).contains("local.db");
  }

  @Test
  void packedDefaultsAreUsedWithoutAnyFile() {
    assertThat(ConfigFiles.locate(null, Map.of(), dir)).isNull();
    assertThat(ConfigFiles.load(null, Map.of(), dir).get("db")).contains("data/aidbridge.db");
  }

  @Test
  void namedFileThatDoesNotExistIsAClearError() {
    assertThatThrownBy(() -> ConfigFiles.locate(Path.of("nope.properties"), Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.properties")
        .hasMessageContaining("no such file");
  }

  @Test
  void relativeDatabaseIsTakenFromBaseDirAndJdbcUrlsAreKept() {
    Settings settings = Settings.of(Map.of("db", "data/x.db", "base.dir", dir.toString()));

    assertThat(Paths.database(settings, Path.of("/elsewhere")))
        .isEqualTo(dir.resolve("data/x.db").toString());
    assertThat(Files.isDirectory(dir.resolve("data"))).isTrue();
    assertThat(Paths.database("jdbc:sqlite::memory:", settings, dir))
        .isEqualTo("jdbc:sqlite::memory:");
  }

  @Test
  void otherDatabaseServersAndPasswordsInTheUrlAreRefusedNamingDbAndNothingIsCreated() {
    Settings settings = Settings.of(Map.of("base.dir", dir.toString()));

    for (String db :
        new String[] {
          "JDBC:PostgreSQL://h/a",
          "postgresql://h/a",
          "jdbc:mysql://h/a",
          "jdbc:postgresql://h/a?user=aid&password=pw"
        }) {
      assertThatThrownBy(() -> Paths.database(db, settings, dir))
          .as(db)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'db' (AIDBRIDGE_DB)")
          .hasMessageNotContaining("=pw")
          .extracting(e -> ((ConfigException) e).key())
          .isEqualTo("db");
    }
    assertThat(Paths.database("jdbc:postgresql://127.0.0.1:5432/aidbridge", settings, dir))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/aidbridge");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void sqliteFormsAreAccepted() {
    Settings settings = Settings.of(Map.of("base.dir", dir.toString()));

    assertThat(Paths.database(":memory:", settings, dir)).isEqualTo(":memory:");
    assertThat(Paths.database("jdbc:sqlite:/data/x.db", settings, dir))
        .isEqualTo("jdbc:sqlite:/data/x.db");
    assertThat(Paths.database("x.db", settings, dir)).isEqualTo(dir.resolve("x.db").toString());
  }
}
