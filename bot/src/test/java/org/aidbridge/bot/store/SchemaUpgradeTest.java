package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema upgrade by Flyway, with made-up steps (what a later schema change will rely on), and
 * the files AidBridge made before Flyway (built here with its old steps, {@link LegacyMigrations}):
 * each opens with today's code, upgraded in place, its data intact.
 *
 * <p>What is proved for the real scripts: the SQLite scripts {@code V1} to {@code V14} make exactly
 * the schema the frozen old steps made; a file the old code left at any {@code user_version} from 1
 * to 14 is baselined at it, gets every later script on top (V15 onwards included) and ends with
 * exactly the schema of a fresh database; and the two script folders hold the same names.
 *
 * <p><b>Adding a schema step needs no change here.</b> Add a pair of scripts with the same name,
 * the next whole version number: {@code db/migration/sqlite/V<n>__what_it_does.sql} and {@code
 * db/migration/postgresql/V<n>__what_it_does.sql} (same meaning, each in its dialect), and raise
 * {@link SchemaUpgrade#NEWEST_SQLITE} to it ({@link #theNewestStepIsTheNewestScript} fails until
 * then: a file at the old newest step would open without the new one). The tests here compare
 * against a fresh database, so they apply it by themselves; the store contract tests run it on
 * SQLite and PostgreSQL. Never append a step to {@link LegacyMigrations}: it is the code from
 * before Flyway, frozen at 14.
 */
class SchemaUpgradeTest {
  private static final String ONE = "classpath:schema-upgrade-test/one";
  private static final String TWO = "classpath:schema-upgrade-test/two";
  private static final String BROKEN_THREE = "classpath:schema-upgrade-test/broken";

  private final SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(":memory:"), null);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void onlyTheMissingStepsRunAndEachOnlyOnce() {
    SchemaUpgrade.run(db, ONE);
    assertThat(version(db)).isEqualTo(1);

    SchemaUpgrade.run(db, TWO);
    SchemaUpgrade.run(db, TWO);

    assertThat(version(db)).isEqualTo(2);
    assertThat(db.list("SELECT y FROM b", row -> row.getInt(1))).containsExactly(7);
  }

  @Test
  void failedStepLeavesTheDatabaseAtThePreviousVersion() {
    SchemaUpgrade.run(db, TWO);

    assertThatThrownBy(() -> SchemaUpgrade.run(db, BROKEN_THREE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no_such_table");

    assertThat(version(db)).isEqualTo(2);
    assertThat(tables()).contains("a", "b").doesNotContain("c");
  }

  @Test
  void databaseNewerThanTheStepsIsRefused() {
    SchemaUpgrade.run(db, TWO);

    assertThatThrownBy(() -> SchemaUpgrade.run(db, ONE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2");
  }

  @Test
  void aFileFromBeforeFlywayNewerThanTheScriptsIsRefused() {
    LegacyMigrations.build(db, 2);
    assertThatThrownBy(() -> SchemaUpgrade.run(db, ONE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2 but this AidBridge knows only up to 1");
  }

  @Test
  void theOldStepsAreFrozenAtFourteen() {
    assertThat(LegacyMigrations.STEPS)
        .as(
            "a new schema step is a Flyway script V15__what_it_does.sql in db/migration/sqlite and"
                + " db/migration/postgresql, never a step appended to LegacyMigrations")
        .hasSize(14);
  }

  @Test
  void theSqliteScriptsUpToTheLastOldStepMakeExactlyTheSchemaTheOldStepsMade(@TempDir Path dir) {
    String legacy = dir.resolve("legacy.db").toString();
    LegacyMigrations.buildFile(legacy, LegacyMigrations.latest());
    String scripts = dir.resolve("scripts.db").toString();
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + scripts, null, null)
        .locations(Dialect.SQLITE.migrations())
        .target(String.valueOf(LegacyMigrations.latest()))
        .load()
        .migrate();

    assertThat(schema(scripts)).isEqualTo(schema(legacy)).isNotEmpty();
  }

  @Test
  void everyStepIsAPairOfScriptsOneForEachDatabase() {
    assertThat(SchemaScripts.names("sqlite"))
        .hasSizeGreaterThanOrEqualTo(LegacyMigrations.latest())
        .isEqualTo(SchemaScripts.names("postgresql"));
  }

  @Test
  void theNewestStepIsTheNewestScript() {
    assertThat(SchemaUpgrade.NEWEST_SQLITE)
        .as("raise SchemaUpgrade.NEWEST_SQLITE to the new script's version")
        .isEqualTo(SchemaScripts.latest());
  }

  @Test
  void aFileAtTheNewestStepOpensWithoutFlyway(@TempDir Path dir) {
    String file = dir.resolve("current.db").toString();
    SqliteStore.open(file).close();
    // Flyway would refuse this file (a script changed since it was applied); the short way does not
    // ask Flyway at all when there is nothing to apply.
    execute(file, "UPDATE flyway_schema_history SET checksum = 1 WHERE version = '1'");

    SqliteStore.open(file).close();

    assertThat(version(file)).isEqualTo(SchemaScripts.latest());
  }

  @Test
  void aFailedStepInTheHistoryStillGoesToFlyway(@TempDir Path dir) {
    String file = dir.resolve("failed.db").toString();
    SqliteStore.open(file).close();
    execute(
        file,
        "UPDATE flyway_schema_history SET success = 0 WHERE version = '"
            + SchemaScripts.latest()
            + "'");

    assertThatThrownBy(() -> SqliteStore.open(file).close())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("failed migration");
  }

  @Test
  void aFileThatSaysAnOlderVersionStillGoesToFlyway(@TempDir Path dir) {
    String file = dir.resolve("older.db").toString();
    SqliteStore.open(file).close();
    execute(file, "PRAGMA user_version = " + (SchemaScripts.latest() - 1));

    SqliteStore.open(file).close();

    assertThat(version(file)).isEqualTo(SchemaScripts.latest()); // set again after Flyway's check
  }

  private static void execute(String file, String sql) {
    try (SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(file), null)) {
      db.execute(sql);
    }
  }

  @ParameterizedTest(name = "user_version {0}")
  @MethodSource("oldVersions")
  void aFileMadeBeforeFlywayIsUpgradedInPlaceToTheSchemaOfAFreshDatabase(
      int oldVersion, @TempDir Path dir) {
    String fresh = dir.resolve("fresh.db").toString();
    SqliteStore.open(fresh).close();
    String old = dir.resolve("old.db").toString();
    LegacyMigrations.buildFile(old, oldVersion);

    SqliteStore.open(old).close();

    assertThat(schema(old)).isEqualTo(schema(fresh));
    List<Integer> later = scriptVersions(fresh).stream().filter(v -> v > oldVersion).toList();
    List<String> history = new ArrayList<>(List.of(oldVersion + " BASELINE"));
    later.forEach(v -> history.add(v + " SQL"));
    assertThat(flywayHistory(old)).containsExactlyElementsOf(history);
    assertThat(version(old)).isEqualTo(version(fresh)).isEqualTo(SchemaScripts.latest());
  }

  @Test
  void aFileMadeByTheLastStepsBeforeFlywayOpensWithItsDataAndGoesOnUpgrading(@TempDir Path dir) {
    String file = dir.resolve("v14.db").toString();
    try (SqliteDatabase old = new SqliteDatabase(SqliteConnector.connect(file), null)) {
      LegacyMigrations.build(old, LegacyMigrations.latest());
      old.execute(
          """
          INSERT INTO listings (id, ref, kind, status, text, items_json, urgency, created_at,
              expires_at, author_channel, author_id, author_is_group, language)
          VALUES (7, 'N-ABC', 'NEED', 'OPEN', 'need rice', '[]', 'NORMAL', 0, 1, 'email',
              'a@example.org', 0, 'en')
          """);
      old.execute("INSERT INTO listing_categories (listing_id, category) VALUES (7, 'food')");
      old.execute("INSERT INTO state (key, value) VALUES ('telegram.offset', '42')");
    }

    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(store.listingByRef("N-ABC").orElseThrow().text()).isEqualTo("need rice");
      assertThat(store.state("telegram.offset")).contains("42");
      assertThat(
              store
                  .insertListing(
                      StoreFixtures.draft(
                          org.aidbridge.bot.model.Kind.OFFER,
                          StoreFixtures.BOB,
                          org.aidbridge.bot.model.Category.FOOD))
                  .id())
          .isGreaterThan(7);
    }
    String fresh = dir.resolve("fresh.db").toString();
    SqliteStore.open(fresh).close();
    assertThat(version(file)).isEqualTo(version(fresh));
    assertThat(flywayHistory(file))
        .first()
        .as("taken up at its version, not rebuilt")
        .isEqualTo(LegacyMigrations.latest() + " BASELINE");
  }

  /** Every {@code user_version} a file made before Flyway can have. */
  static IntStream oldVersions() {
    return IntStream.rangeClosed(1, LegacyMigrations.latest());
  }

  private static int version(String file) {
    try (SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(file), null)) {
      return version(db);
    }
  }

  /** The file's Flyway history, each row as "version type", in the order it was applied. */
  private static List<String> flywayHistory(String file) {
    try (SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(file), null)) {
      return db.list(
          "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank",
          row -> row.getString(1));
    }
  }

  /** The versions of the scripts Flyway applied to a fresh file: every step there is. */
  private static List<Integer> scriptVersions(String freshFile) {
    try (SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(freshFile), null)) {
      return db.list(
          "SELECT version FROM flyway_schema_history WHERE type = 'SQL' ORDER BY installed_rank",
          row -> Integer.parseInt(row.getString(1)));
    }
  }

  private static int version(SqliteDatabase db) {
    return db.one("PRAGMA user_version", row -> row.getInt(1)).orElse(0);
  }

  private static List<String> schema(String file) {
    try (SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(file), null)) {
      return db.list(
          "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
              + " WHERE name NOT LIKE 'flyway%' AND sql IS NOT NULL ORDER BY name",
          row -> row.getString(1));
    }
  }

  private List<String> tables() {
    return db.list("SELECT name FROM sqlite_master WHERE type = 'table'", row -> row.getString(1));
  }

  @Test
  void upgradingToGeoCellsFillsTheCellsOfListingsAlreadyStored() {
    LegacyMigrations.build(db, 1);
    db.execute(
        """
        INSERT INTO listings (id, ref, kind, status, text, items_json, place_text, place_lat,
            place_lon, urgency, created_at, expires_at, author_channel, author_id, author_is_group,
            language)
        VALUES (1, 'N-ABC', 'NEED', 'OPEN', 't', '[]', 'Portland', 45.5152, -122.6784, 'NORMAL', 0, 1,
            'email', 'a@example.org', 0, 'en')
        """);
    db.execute("INSERT INTO listing_categories (listing_id, category) VALUES (1, 'food')");

    SchemaUpgrade.run(db);

    assertThat(db.list("SELECT cell FROM listing_categories", row -> row.getInt(1)))
        .containsExactly(GeoCells.of(45.5152, -122.6784));
  }

  @Test
  void linksMadeBeforeLinksWereProvenGiveNoCoordinatorRights(@TempDir Path dir) {
    String file = dir.resolve("before.db").toString();
    SqliteDatabase old = new SqliteDatabase(SqliteConnector.connect(file), null);
    LegacyMigrations.build(old, 5);
    old.execute(
        "INSERT INTO identity_links (address_channel, address_id, person_id)"
            + " VALUES ('telegram', '666', 1), ('email', 'coord@example.org', 1)");
    old.execute(
        "INSERT INTO inbox (channel, channel_message_id, sender_channel, sender_id,"
            + " sender_is_group, text, addressed_to_bot, sender_is_group_admin, received_at,"
            + " processed, sender_authenticated)"
            + " VALUES ('email', 'm1', 'email', 'a@example.org', 0, 'stats', 1, 0, 0, 0, 1)");
    old.close();

    try (SqliteStore store = SqliteStore.open(file)) {
      org.aidbridge.bot.model.Address eve =
          org.aidbridge.bot.model.Address.person(org.aidbridge.bot.model.Channel.TELEGRAM, "666");
      assertThat(store.linkedWith(eve)).hasSize(2);
      assertThat(store.provenLinkedWith(eve)).containsExactly(eve);
      assertThat(store.unprocessedInbound(1).get(0).message().senderProof())
          .as("email vouched for before counts as the weakest proof")
          .isEqualTo(org.aidbridge.bot.model.Proof.COORDINATOR_SECRET);
    }
  }

  @Test
  void upgradingToTypedTablesMovesWhatTheStateTableKeptAboutPeople() {
    LegacyMigrations.build(db, 5);
    for (long id : new long[] {1, 2}) {
      db.update(
          """
          INSERT INTO listings (id, ref, kind, status, text, items_json, urgency, created_at,
              expires_at, author_channel, author_id, author_is_group, language)
          VALUES (?, ?, ?, 'MATCHED', 't', '[]', 'NORMAL', 0, 1, 'telegram', ?, 0, 'en')
          """,
          id,
          "N-" + id,
          id == 1 ? "NEED" : "OFFER",
          "10" + id);
    }
    String[][] state = {
      {"banned:telegram:666", "1"},
      {"question:telegram:101", "place:1"},
      {"question:telegram:102", "category:99"},
      {"question:email:gone@example.org", ""},
      {"forget:email:ana@example.org", "2026-03-01T10:00:00.123456Z"},
      {"share:match:1:2", "NEED"},
      {"relay-rate:signal:3f1c-uuid", "493000:4"},
      {"broadcast:telegram:900", "1760000600000|45.5|-122.6|food|Portland|shelter | tonight"},
      {"broadcast:telegram:901", "1760000600000|all||||everyone"},
      {"link-code:ABC234", "telegram:101|1760000000000"},
      {"telegram.offset", "42"}
    };
    for (String[] row : state) {
      db.update("INSERT INTO state (key, value) VALUES (?, ?)", row[0], row[1]);
    }

    SchemaUpgrade.run(db);

    assertThat(rows("SELECT address_channel || ':' || address_id FROM bans"))
        .containsExactly("telegram:666");
    assertThat(
            rows(
                "SELECT address_id || ' ' || topic || ' ' || question || ' ' ||"
                    + " ifnull(listing_id, '-') FROM pending_questions ORDER BY topic"))
        .containsExactly("ana@example.org FORGET FORGET -", "101 LISTING PLACE 1");
    assertThat(rows("SELECT need_id || ':' || offer_id || ' ' || side FROM share_consents"))
        .containsExactly("1:2 NEED");
    assertThat(rows("SELECT address_id || ' ' || hour || ' ' || relays FROM relay_counts"))
        .containsExactly("3f1c-uuid 493000 4");
    assertThat(
            rows(
                "SELECT address_id || ' ' || ifnull(area_name, '-') || ' ' || ifnull(area_lat, '-')"
                    + " || ' ' || ifnull(category, '-') || ' ' || text || ' ' || expires_at"
                    + " FROM broadcast_drafts ORDER BY address_id"))
        .containsExactly(
            "900 Portland 45.5 food shelter | tonight 1760000600000",
            "901 - - - everyone 1760000600000");
    assertThat(rows("SELECT key FROM state ORDER BY key"))
        .containsExactly("link-code:ABC234", "telegram.offset");
  }

  private List<String> rows(String sql) {
    return db.list(sql, row -> row.getString(1));
  }
}
