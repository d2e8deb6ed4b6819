package org.aidbridge.bot.service;

import static org.aidbridge.bot.store.StoreFixtures.ALICE;
import static org.aidbridge.bot.store.StoreFixtures.T0;
import static org.aidbridge.bot.store.StoreFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.match.MatchIndex;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.store.ListingWatcher;
import org.aidbridge.bot.store.OutboxEntry;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Housekeeping works in short transactions, a page of listings each: the database is free between
 * pages, a failure keeps the pages done before it, and the next run does the rest, nothing twice.
 */
class HousekeepingPagesTest {
  /** Two full pages and a part of a third. */
  private static final int LISTINGS = 2 * Escalations.PAGE + 200;

  private static final Instant EXPIRES = T0.plus(Duration.ofDays(7));
  private static final Instant DAY_BEFORE = EXPIRES.minus(Duration.ofHours(12));
  private static final Instant AFTER = EXPIRES.plus(Duration.ofHours(1));

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
            store.insertListing(draft(Kind.OFFER, ALICE, Category.FOOD));
          }
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aMessageArrivingDuringARunIsStoredBetweenPagesNotAfterTheRun() {
    AtomicInteger expired = new AtomicInteger();
    CountDownLatch stored = new CountDownLatch(1);
    AtomicBoolean storedBeforeSecondPage = new AtomicBoolean();
    store.watchListingChanges(
        onExpiry(
            () -> {
              int n = expired.incrementAndGet();
              if (n == 1) {
                arriveWhileThisTransactionRuns(stored);
              } else if (n == Escalations.PAGE + 1) {
                storedBeforeSecondPage.set(awaitQuietly(stored));
              }
            }));

    db.housekeeping().run(AFTER);

    assertThat(storedBeforeSecondPage).isTrue();
    assertThat(expired).hasValue(LISTINGS);
    assertThat(store.activeListingsAfter(0, LISTINGS)).isEmpty();
  }

  @Test
  void aFailureInALaterPageKeepsTheQuestionsQueuedBeforeItAndTheNextRunAsksTheRestOnce()
      throws SQLException {
    failWhen("BEFORE INSERT ON outbox WHEN (SELECT count(*) FROM outbox) >= 700");

    assertThatThrownBy(() -> db.housekeeping().run(DAY_BEFORE)).isInstanceOf(StoreException.class);
    assertThat(outbox()).hasSize(Escalations.PAGE);

    dropFailure();
    List<OutboundMessage> rest = db.housekeeping().run(DAY_BEFORE);
    List<OutboundMessage> again = db.housekeeping().run(DAY_BEFORE.plus(Duration.ofMinutes(1)));

    assertThat(rest).hasSize(LISTINGS - Escalations.PAGE);
    assertThat(again).isEmpty();
    assertThat(outbox())
        .extracting(e -> e.message().topic())
        .hasSize(LISTINGS)
        .doesNotHaveDuplicates()
        .allMatch(topic -> topic.startsWith(Renewals.TOPIC));
  }

  @Test
  void aFailureInALaterPageKeepsTheMatchIndexInStepWithWhatWasCommitted() throws SQLException {
    MatchIndex index = MatchIndex.of(store);
    assertThat(index.size()).isEqualTo(LISTINGS);
    failWhen(
        "BEFORE UPDATE OF status ON listings WHEN NEW.status = 'EXPIRED'"
            + " AND (SELECT count(*) FROM listings WHERE status = 'EXPIRED') >= 700");

    assertThatThrownBy(() -> db.housekeeping().run(AFTER)).isInstanceOf(StoreException.class);

    int stillActive = store.activeListingsAfter(0, LISTINGS).size();
    assertThat(stillActive).isEqualTo(LISTINGS - Escalations.PAGE);
    assertThat(index.size()).isEqualTo(stillActive);

    dropFailure();
    db.housekeeping().run(AFTER);

    assertThat(store.activeListingsAfter(0, LISTINGS)).isEmpty();
    assertThat(index.size()).isZero();
    assertThat(store.allListings()).extracting(Listing::status).containsOnly(Status.EXPIRED);
  }

  /**
   * A message arrives from a channel while the run holds the database: it waits for the connection,
   * and is counted down once stored. Returns once it waits.
   */
  private void arriveWhileThisTransactionRuns(CountDownLatch stored) {
    Thread arriving =
        new Thread(
            () -> {
              store.storeRawInbound(Channel.TELEGRAM, "{\"update_id\":1}", AFTER);
              stored.countDown();
            },
            "arriving-message");
    arriving.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> arriving.getState() == Thread.State.WAITING || stored.getCount() == 0);
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A watcher that runs {@code each} when a listing is told as expired. */
  private static ListingWatcher onExpiry(Runnable each) {
    return new ListingWatcher() {
      @Override
      public void changed(Listing listing) {
        if (listing.status() == Status.EXPIRED) {
          each.run();
        }
      }

      @Override
      public void removed(long listingId) {}

      @Override
      public void cleared() {}
    };
  }

  /** A real database failure from then on (as a full disk would), set by another connection. */
  private void failWhen(String when) throws SQLException {
    db.execute(
        "CREATE TRIGGER housekeeping_fails "
            + when
            + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  }

  private void dropFailure() throws SQLException {
    db.execute("DROP TRIGGER housekeeping_fails");
  }

  private List<OutboxEntry> outbox() {
    return store.dueOutbox(Channel.EMAIL, AFTER.plus(Duration.ofDays(1)), 10 * LISTINGS);
  }
}
