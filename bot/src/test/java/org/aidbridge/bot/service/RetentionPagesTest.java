package org.aidbridge.bot.service;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention erases closed listings a page at a time, each page its own transaction: messages
 * arriving meanwhile are stored between pages, not after the whole erasure.
 */
class RetentionPagesTest {
  /** Four full pages and a part of a fifth, all ending at the same moment (as an import's do). */
  private static final int LISTINGS = 4 * Escalations.PAGE + 200;

  private static final Instant ENDED = T0.plus(Duration.ofDays(1));
  private static final Instant LATER = ENDED.plus(Duration.ofDays(31));

  @TempDir Path dir;
  private FileStoreFixture db;
  private Store store;

  @BeforeEach
  void open() {
    db = FileStoreFixture.in(dir);
    store = db.store();
    store.inTransaction(
        () -> {
          for (int i = 0; i < LISTINGS; i++) {
            Listing listing = store.insertListing(draft(Kind.NEED, ALICE, T0, Category.FOOD));
            store.setExpiry(listing.id(), ENDED);
            store.updateStatus(listing.id(), Status.EXPIRED);
          }
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void messagesArrivingDuringTheErasureAreStoredBetweenItsPages() throws Exception {
    // What the erasure had done when each arriving message was stored, recorded by the database.
    db.execute("CREATE TABLE erased_when_stored (erased INTEGER NOT NULL)");
    db.execute(
        "CREATE TRIGGER record_erased AFTER INSERT ON raw_inbound BEGIN"
            + " INSERT INTO erased_when_stored"
            + " SELECT count(*) FROM listings WHERE author_id = 'erased'; END");
    db.whileMessagesArrive(LATER, () -> db.housekeeping().run(LATER));

    assertThat(store.allListings()).allMatch(l -> l.text().isEmpty());
    assertThat(erasedWhenStored())
        .as("messages stored while the erasure ran, each between two of its pages")
        .anyMatch(erased -> erased > 0 && erased < LISTINGS)
        .allMatch(erased -> erased % Escalations.PAGE == 0 || erased == LISTINGS);
  }

  @Test
  void anErasureInPagesErasesWhatItAlwaysDidAndTheNextRunNothingMore() {
    Listing recent = store.insertListing(draft(Kind.OFFER, ALICE, LATER, Category.FOOD));
    store.updateStatus(recent.id(), Status.WITHDRAWN);

    db.housekeeping().run(LATER);

    assertThat(store.allListings())
        .filteredOn(l -> l.id() != recent.id())
        .hasSize(LISTINGS)
        .allMatch(l -> l.text().isEmpty() && !l.author().id().equals(ALICE.id()));
    assertThat(store.listingById(recent.id()).orElseThrow().text()).isEqualTo(recent.text());
    assertThat(store.eraseClosedListingsBefore(LATER.minus(Duration.ofDays(30)))).isZero();
  }

  private List<Long> erasedWhenStored() throws SQLException {
    return db.query("SELECT erased FROM erased_when_stored", row -> row.getLong(1));
  }
}
