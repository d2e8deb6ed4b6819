package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.StoreFixtures.BOB;
import static org.aidbridge.bot.store.StoreFixtures.GROUP;
import static org.aidbridge.bot.store.StoreFixtures.PORTLAND;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.at;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.aidbridge.bot.store.StoreFixtures.match;
import static org.aidbridge.bot.store.StoreFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting a person leaves nothing of them in any table: every table of the schema is seeded with
 * what the bot keeps about them (and about others), then every cell of every table is read back.
 */
class ForgetEverythingTest {
  private static final Address ANA = Address.person(Channel.EMAIL, "ana.forgotten@example.org");
  private static final String ANA_WORDS = "quokka-blanket-7731";
  private static final Address ANA_TELEGRAM = Address.person(Channel.TELEGRAM, "9070605");

  /**
   * Tables that hold nothing about a person (a ban outlives forgetting, on purpose), or that the
   * store cannot read: {@code raw_inbound} keeps payloads in each channel's own format, so the
   * channel that can read them erases the person's ({@code RawInbox}, tested in the routes module).
   */
  private static final Set<String> ERASED_ELSEWHERE_OR_IMPERSONAL =
      Set.of(
          "raw_inbound",
          "installation_keys",
          "database_identity",
          "listing_changes",
          "subscriptions_version",
          "bans",
          "digests_sent",
          "subscriptions",
          "flyway_schema_history");

  /** Tables that name the person's listing only by its id, and the column that does. */
  private static final List<String> TIED_BY_LISTING =
      List.of(
          "listing_categories.listing_id",
          "matches.need_id",
          "renewal_prompts.listing_id",
          "escalations.listing_id",
          "share_consents.need_id");

  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("forget.db").toString());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void forgettingLeavesNeitherTheirAddressesNorTheirWordsInAnyTable() throws SQLException {
    long need = seedEveryTable();
    Set<String> considered = tablesHolding(ANA.id());
    considered.addAll(tablesHolding(ANA_WORDS));
    considered.addAll(tablesHolding(ANA_TELEGRAM.id()));
    for (String tied : TIED_BY_LISTING) {
      assertThat(rowsNaming(tied, need)).as(tied).isPositive();
      considered.add(tied.substring(0, tied.indexOf('.')));
    }
    considered.addAll(ERASED_ELSEWHERE_OR_IMPERSONAL);
    assertThat(considered).as("every table of the schema is seeded here").isEqualTo(tables());

    store.forget(ANA);
    store.forget(ANA_TELEGRAM);

    for (String tied : TIED_BY_LISTING) {
      assertThat(rowsNaming(tied, need)).as(tied).isZero();
    }
    assertThat(cellsHolding(ANA.id())).isEmpty();
    assertThat(cellsHolding(ANA_WORDS)).isEmpty();
    assertThat(cellsHolding(ANA_TELEGRAM.id())).isEmpty();
    assertThat(cellsHolding(BOB.id())).as("Bob is still there").isNotEmpty();
    assertThat(store.subscriptions()).extracting(Subscription::group).containsExactly(GROUP);
  }

  @Test
  void forgettingAPersonKeepsWhatBelongsToAListWithTheSameAddress() throws SQLException {
    String shared = "east-bay@lists.example.org";
    Address list = Address.group(Channel.EMAIL, shared);
    Address person = Address.person(Channel.EMAIL, shared);
    store.saveSubscription(new Subscription(list, PORTLAND, 30, Set.of(), "en"));
    store.markDigestSent(list, "2026-03-01", T0);
    store.enqueue(message(list, "Open needs within 30 km"), T0);
    store.setUnreachable(list, true);
    InboundMessage toList =
        new InboundMessage(
            Channel.EMAIL,
            "<l1@example.org>",
            BOB,
            list,
            "hi all",
            null,
            null,
            null,
            false,
            false,
            T0);
    store.markProcessed(store.recordInbound(toList).orElseThrow());
    store.enqueue(message(person, "Your need is saved"), T0);

    store.forget(person);

    assertThat(store.subscriptions()).extracting(Subscription::group).containsExactly(list);
    assertThat(store.markDigestSent(list, "2026-03-01", at(1))).as("digest still marked").isFalse();
    assertThat(store.isUnreachable(list)).isTrue();
    assertThat(cellsHolding("Open needs within")).hasSize(1);
    assertThat(cellsHolding("hi all")).hasSize(1);
    assertThat(cellsHolding("Your need is saved")).isEmpty();
  }

  /**
   * One or more rows about Ana in every table, and rows about Bob and a group beside them.
   *
   * @return the id of Ana's need
   */
  private long seedEveryTable() {
    InboundMessage handled = InboundMessage.direct(ANA, "<m1@example.org>", ANA_WORDS, T0);
    store.markProcessed(store.recordInbound(handled).orElseThrow());
    store.recordInbound(InboundMessage.direct(ANA, "<m2@example.org>", "forget " + ANA_WORDS, T0));
    store.recordInbound(InboundMessage.direct(BOB, "b1", "hello", T0));
    store.storeRawInbound(Channel.TELEGRAM, "{\"from\":{\"id\":" + BOB.id() + "}}", T0);

    Listing need = store.insertListing(withText(draft(Kind.NEED, ANA, Category.FOOD)));
    Listing offer = store.insertListing(draft(Kind.OFFER, BOB, Category.FOOD));
    store.insertMatch(match(need, offer, 0.9));
    store.updateStatus(need.id(), Status.MATCHED);
    store.updateStatus(offer.id(), Status.MATCHED);
    store.markRenewalAsked(need.id(), need.expiresAt(), T0);
    store.recordEscalation(need.id(), 1, T0);
    store.consentToShare(need.id(), offer.id(), Kind.NEED, T0);
    store.askQuestion(BOB, PendingQuestion.about(PendingQuestion.Asked.PLACE, need.id()), T0);
    store.askQuestion(ANA, PendingQuestion.isItA(Kind.NEED, ANA_WORDS), T0);

    store.enqueue(message(ANA, "Your need " + need.ref() + " is saved"), T0);
    store.enqueue(
        message(BOB, "Ana writes: " + ANA_WORDS)
            .about("match:" + need.id() + ":" + offer.id())
            .inReplyTo("<m1@example.org>"),
        T0);
    store.enqueue(message(GROUP, "New need: " + ANA_WORDS).about("listing:" + need.ref()), T0);
    store.enqueue(message(BOB, "Hello Bob"), T0);

    store.saveSubscription(new Subscription(GROUP, PORTLAND, 30, Set.of(), "en"));
    store.markDigestSent(GROUP, "2026-03-01", T0);
    store.setUnreachable(ANA, true);
    store.putState("mail-folder:" + ANA.qualified(), "1");
    store.link(ANA, ANA_TELEGRAM);
    store.ban(Address.person(Channel.TELEGRAM, "666"), T0);
    store.countRelay(ANA, 100);
    store.saveBroadcastDraft(ANA, new BroadcastDraft(null, null, ANA_WORDS, at(10)));
    store.installationKey("log-pseudonym");
    store.saveLinkCode(new LinkCode("ABCDEF", ANA_TELEGRAM, ANA, at(15)));
    store.saveLinkCode(new LinkCode("GHJKMN", BOB, null, at(15)));
    store.savePendingConfirmation(
        InboundMessage.direct(ANA, "<m3@example.org>", "withdraw " + ANA_WORDS, T0), at(60));
    store.saveDashboardLink("link-hash", ANA, at(10));
    store.saveDashboardSession(new DashboardSession("session-hash", ANA, "csrf", at(600)));
    return need.id();
  }

  private int rowsNaming(String tableColumn, long listingId) throws SQLException {
    String[] tc = tableColumn.split("\\.");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("forget.db"));
        Statement st = db.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT count(*) FROM " + tc[0] + " WHERE " + tc[1] + " = " + listingId)) {
      return rows.getInt(1);
    }
  }

  private static Listing withText(Listing l) {
    return new Listing(
        0,
        null,
        l.kind(),
        l.categories(),
        l.items(),
        "need " + ANA_WORDS + " in Portland",
        l.place(),
        l.urgency(),
        l.createdAt(),
        l.createdAt().plus(Duration.ofDays(7)),
        Status.OPEN,
        l.author(),
        "en",
        null);
  }

  private Set<String> tablesHolding(String needle) throws SQLException {
    Set<String> tables = new TreeSet<>();
    for (String cell : cellsHolding(needle)) {
      tables.add(cell.substring(0, cell.indexOf('.')));
    }
    return tables;
  }

  /** Each cell of any table that holds {@code needle}, as {@code table.column = value}. */
  private List<String> cellsHolding(String needle) throws SQLException {
    List<String> found = new ArrayList<>();
    String lower = needle.toLowerCase(Locale.ROOT);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("forget.db"))) {
      for (String table : tables()) {
        try (Statement st = db.createStatement();
            ResultSet rows = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              Object value = rows.getObject(c);
              String text =
                  value instanceof byte[] bytes ? new String(bytes) : String.valueOf(value);
              if (value != null && text.toLowerCase(Locale.ROOT).contains(lower)) {
                found.add(table + "." + rows.getMetaData().getColumnName(c) + " = " + text);
              }
            }
          }
        }
      }
    }
    return found;
  }

  private Set<String> tables() throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("forget.db"));
        Statement st = db.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                    + " 'sqlite_%'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
