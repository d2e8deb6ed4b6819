package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The migration machinery, with made-up steps: what a later schema change will rely on. */
class SchemaUpgradeTest {
  private static final String V1 = "CREATE TABLE a (x INTEGER);";
  private static final String V2 =
      """
      CREATE TABLE b (y INTEGER);
      INSERT INTO b (y) VALUES (7);
      """;
  private static final String BROKEN_V3 =
      """
      CREATE TABLE c (z INTEGER);
      INSERT INTO no_such_table VALUES (1);
      """;

  private final Database db = new Database(SqliteConnector.connect(":memory:"), null);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void onlyTheMissingStepsRunAndEachOnlyOnce() {
    SchemaUpgrade.run(db, List.of(V1));
    assertThat(SchemaUpgrade.version(db)).isEqualTo(1);

    SchemaUpgrade.run(db, List.of(V1, V2));
    SchemaUpgrade.run(db, List.of(V1, V2));

    assertThat(SchemaUpgrade.version(db)).isEqualTo(2);
    assertThat(db.list("SELECT y FROM b", row -> row.getInt(1))).containsExactly(7);
  }

  @Test
  void failedStepLeavesTheDatabaseAtThePreviousVersion() {
    SchemaUpgrade.run(db, List.of(V1, V2));

    assertThatThrownBy(() -> SchemaUpgrade.run(db, List.of(V1, V2, BROKEN_V3)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no_such_table");

    assertThat(SchemaUpgrade.version(db)).isEqualTo(2);
    assertThat(tables()).contains("a", "b").doesNotContain("c");
  }

  @Test
  void databaseNewerThanTheStepsIsRefused() {
    SchemaUpgrade.run(db, List.of(V1, V2));

    assertThatThrownBy(() -> SchemaUpgrade.run(db, List.of(V1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2");
  }

  private List<String> tables() {
    return db.list("SELECT name FROM sqlite_master WHERE type = 'table'", row -> row.getString(1));
  }

  @Test
  void upgradingToGeoCellsFillsTheCellsOfListingsAlreadyStored() {
    SchemaUpgrade.run(db, Migrations.STEPS.subList(0, 1));
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
}
