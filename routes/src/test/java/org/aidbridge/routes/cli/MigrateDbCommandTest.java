package org.aidbridge.routes.cli;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.match;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.store.OutboxStatus;
import org.aidbridge.bot.store.PostgresStore;
import org.aidbridge.bot.store.RawInbound;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aidbridge migrate-db --to jdbc:postgresql://...} copies a SQLite database into an empty
 * PostgreSQL one (a real server), checks the counts, and the bot's store finds everything there; a
 * target that holds anything is refused and left as it was.
 */
class MigrateDbCommandTest {
  private static final Subscription PORTLAND_GROUP =
      new Subscription(GROUP, PORTLAND, 25, Set.of(Category.FOOD), "en");
  @TempDir Path dir;
  private Path sqlite;
  private DatabaseLogin target;
  private Listing need;
  private long outboxId;
  private byte[] key;

  @BeforeEach
  void fillSqlite() {
    sqlite = dir.resolve("aid.db");
    try (SqliteStore store = SqliteStore.open(sqlite.toString())) {
      need = store.insertListing(draft(Kind.NEED, ALICE, Category.FOOD, Category.MEDICINE));
      Listing offer = store.insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
      store.insertMatch(match(need, offer, 0.9));
      outboxId = store.enqueue(message(GROUP, "a match in Portland"), T0).id();
      store.markSent(store.enqueue(message(BOB, "sent already"), T0).id(), "tg-1", T0);
      store.putState("telegram.offset", "42");
      key = store.installationKey("log-pseudonyms");
      store.saveSubscription(PORTLAND_GROUP);
    }
    target = TestPostgres.shared().newDatabase();
  }

  @Test
  void copiesEveryTableIntoPostgresAndTheStoreFindsItAll() {
    Cli.Result result = migrate();

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines())
        .contains("listings: 2 rows", "listing_categories: 3 rows", "matches: 1 rows")
        .contains("outbox: 2 rows", "state: 1 rows", "installation_keys: 1 rows")
        .contains("subscriptions: 1 rows");
    assertThat(result.out()).contains("the counts match");
    try (PostgresStore store = PostgresStore.open(target, 2)) {
      Listing copied = store.listingByRef(need.ref()).orElseThrow();
      assertThat(copied).isEqualTo(need);
      assertThat(store.matchesOf(need.id())).hasSize(1);
      assertThat(store.outboxEntry(outboxId).orElseThrow().status())
          .isEqualTo(OutboxStatus.PENDING);
      assertThat(store.state("telegram.offset")).contains("42");
      assertThat(store.installationKey("log-pseudonyms")).isEqualTo(key);
      // PostgreSQL drew its own version of the subscriptions as they were copied in.
      assertThat(store.subscriptions()).containsExactly(PORTLAND_GROUP);
      Listing later = store.insertListing(draft(Kind.OFFER, BOB, Category.WATER));
      assertThat(later.id()).as("ids go on after the copied ones").isGreaterThan(need.id() + 1);
    }
  }

  @Test
  void whatAKilledInstancesJournalsHoldIsReadIntoTheDatabaseBeforeTheCopy() throws Exception {
    String notification = "{\"envelope\":{\"sourceUuid\":\"c0ffee\",\"timestamp\":17}}";
    try (SqliteStore killed = SqliteStore.open(sqlite.toString())) {
      killed.claimOutbox(outboxId, T0, T0.plusSeconds(120));
      // Sent, and a notification read; a close keeps both lines in flight, as a kill does.
      killed.journalSent(outboxId, "tg-2", T0.plusSeconds(1));
      killed.journalRawInbound(Channel.SIGNAL, notification, T0.plusSeconds(2));
    }

    Cli.Result result = migrate();

    assertThat(result.exitCode()).as(result.err()).isZero();
    try (PostgresStore store = PostgresStore.open(target, 2)) {
      assertThat(store.outboxEntry(outboxId).orElseThrow().status())
          .as("sent before the kill: not sent again from PostgreSQL")
          .isEqualTo(OutboxStatus.SENT);
      assertThat(store.rawInboundAfter(Channel.SIGNAL, 0, 10))
          .extracting(RawInbound::payload)
          .containsExactly(notification);
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString()))
          .as("no journal left to be read again")
          .noneMatch(name -> name.startsWith("aid.db-sent") || name.startsWith("aid.db-raw"));
    }
  }

  @Test
  void aTargetThatHoldsAnythingIsRefusedAndLeftAsItWas() {
    try (PostgresStore store = PostgresStore.open(target, 2)) {
      store.putState("already", "here");
    }

    Cli.Result result = migrate();

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("not empty").contains("state");
    try (PostgresStore store = PostgresStore.open(target, 2)) {
      assertThat(store.listingByRef(need.ref())).isEmpty();
      assertThat(store.state("already")).contains("here");
    }
  }

  @Test
  void aDatabaseThatIsPostgresAlreadyIsNotASource() {
    Cli.Result result =
        new Cli(dir)
            .env("AIDBRIDGE_DB", target.jdbcUrl())
            .env("AIDBRIDGE_DB_USER", target.user())
            .run("migrate-db", "--to", target.jdbcUrl());

    assertThat(result.exitCode()).isEqualTo(AidBridgeCli.CONFIG_ERROR);
    assertThat(result.err()).contains("AIDBRIDGE_DB").contains("SQLite");
  }

  private Cli.Result migrate() {
    return new Cli(dir)
        .env("AIDBRIDGE_DB", sqlite.toString())
        .env("AIDBRIDGE_DB_USER", target.user())
        .run("migrate-db", "--to", target.jdbcUrl());
  }
}
