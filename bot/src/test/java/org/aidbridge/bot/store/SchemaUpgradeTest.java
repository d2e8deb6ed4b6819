package org.aidbridge.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void linksMadeBeforeLinksWereProvenGiveNoCoordinatorRights(@TempDir Path dir) {
    String file = dir.resolve("before.db").toString();
    Database old = new Database(SqliteConnector.connect(file), null);
    SchemaUpgrade.run(old, Migrations.STEPS.subList(0, 5));
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
    SchemaUpgrade.run(db, Migrations.STEPS.subList(0, 5));
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
