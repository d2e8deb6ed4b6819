package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.direct;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to SQLite: the file, its schema versions, the ways to name a database. */
class SqliteStoreFileTest {
  @TempDir Path dir;

  @Test
  void everythingSurvivesCloseAndReopen() {
    String file = dir.resolve("bot.db").toString();
    Subscription subscription = new Subscription(GROUP, PORTLAND, 20, Set.of(Category.FOOD), "en");
    Listing listing;
    long outboxId;
    try (SqliteStore store = SqliteStore.open(file)) {
      store.recordInbound(direct(ALICE, "m1", "need rice"));
      listing = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD));
      outboxId = store.enqueue(message(BOB, "hello"), T0).id();
      store.saveSubscription(subscription);
      store.setUnreachable(BOB, true);
      store.putState("telegram.offset", "7");
    }

    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(store.unprocessedInbound(10)).hasSize(1);
      assertThat(store.recordInbound(direct(ALICE, "m1", "need rice"))).isEmpty();
      assertThat(store.listingByRef(listing.ref())).contains(listing);
      assertThat(store.outboxEntry(outboxId)).isPresent();
      assertThat(store.subscriptionOf(GROUP)).contains(subscription);
      assertThat(store.isUnreachable(BOB)).isTrue();
      assertThat(store.state("telegram.offset")).contains("7");
    }
  }

  @Test
  void schemaIsCreatedOnceAndAnExistingDatabaseOpensAsIs() throws SQLException {
    Path file = dir.resolve("bot.db");
    SqliteStore.open(file.toString()).close();
    assertThat(pragma(file, "user_version")).isEqualTo(String.valueOf(SchemaScripts.latest()));
    assertThat(pragma(file, "journal_mode")).isEqualToIgnoringCase("wal");

    try (SqliteStore store = SqliteStore.open(file.toString())) {
      store.putState("k", "v");
    }
    try (SqliteStore store = SqliteStore.open(file.toString())) {
      assertThat(store.state("k")).contains("v");
    }
    assertThat(pragma(file, "user_version")).isEqualTo(String.valueOf(SchemaScripts.latest()));
  }

  @Test
  void savepointsAreUndoneFromMemoryNotATemporaryFile() throws SQLException {
    try (Connection connection = SqliteConnector.connect(dir.resolve("bot.db").toString());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA temp_store")) {
      rs.next();
      assertThat(rs.getInt(1)).as("2 is MEMORY").isEqualTo(2);
    }
  }

  @Test
  void everyMigrationStepSplitsIntoStatements() {
    for (String step : LegacyMigrations.STEPS) {
      assertThat(LegacyMigrations.statements(step))
          .isNotEmpty()
          .allMatch(
              statement ->
                  statement.matches("(?s)^(CREATE|ALTER|UPDATE|INSERT|DELETE|DROP|WITH) .*"));
    }
  }

  @Test
  void databaseFromANewerVersionIsRefused() throws SQLException {
    Path file = dir.resolve("bot.db");
    SqliteStore.open(file.toString()).close();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      statement.execute("PRAGMA user_version = " + (SchemaScripts.latest() + 1));
    }

    assertThatThrownBy(() -> SqliteStore.open(file.toString()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer AidBridge");
  }

  @Test
  void missingDirectoriesOfTheFileAreCreated() {
    Path file = dir.resolve("data/nested/bot.db");

    SqliteStore.open(file.toString()).close();

    assertThat(file).exists();
  }

  @Test
  void jdbcUrlAndInMemoryDatabaseWork() {
    Path file = dir.resolve("url/nested/by-url.db");
    try (SqliteStore store = SqliteStore.open("jdbc:sqlite:" + file)) {
      store.putState("k", "url");
    }
    assertThat(file).exists();

    try (SqliteStore store = SqliteStore.open(":memory:")) {
      store.putState("k", "memory");
      store.insertListing(draft(Kind.OFFER, BOB, Category.WATER));
      assertThat(store.state("k")).contains("memory");
      assertThat(store.allListings()).hasSize(1);
    }
  }

  @Test
  void foreignKeysAreEnforcedAndFailuresNameNoPerson() {
    try (SqliteStore store = SqliteStore.open(":memory:")) {
      Listing need = draft(Kind.NEED, ALICE, Category.FOOD).withIdAndRef(41, "N-222");
      Listing offer = draft(Kind.OFFER, BOB, Category.FOOD).withIdAndRef(42, "O-222");

      assertThatThrownBy(() -> store.insertMatch(StoreFixtures.match(need, offer, 1)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("FOREIGN KEY")
          .hasMessageNotContaining(ALICE.id())
          .hasMessageNotContaining(BOB.id());
      assertThat(store.matchesOf(41)).isEmpty();
    }
  }

  @Test
  void closedStoreRefusesWork() {
    SqliteStore store = SqliteStore.open(":memory:");
    store.close();

    assertThatThrownBy(() -> store.state("k"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.inTransaction(() -> 1)).isInstanceOf(StoreException.class);
  }

  @Test
  void unknownIdsAreReportedNotIgnored() {
    try (SqliteStore store = SqliteStore.open(":memory:")) {
      assertThatThrownBy(() -> store.markProcessed(5)).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.markSent(5, "x", T0)).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.markUndeliverable(5, "x")).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.updateStatus(5, Status.EXPIRED))
          .isInstanceOf(StoreException.class);
    }
  }

  /** Reads a PRAGMA through a connection of its own, as another process would. */
  static String pragma(Path file, String name) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
