package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Urgency;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match index's snapshot with the real jar in a process of its own: a graceful stop (SIGTERM)
 * writes it beside the database, the next start reads it, and it still serves a start after a kill
 * (SIGKILL) with the listings changed since read from the database; while the bot runs it is
 * written again on a timer, so that a kill before any stop leaves one too.
 */
class MatchIndexSnapshotIT {
  private static final int LISTINGS = 40;

  @TempDir Path dir;

  @Test
  void aGracefulStopWritesTheSnapshotAndAStartAfterAKillReadsItAndTheChangesSince()
      throws Exception {
    Path database = dir.resolve("bot.db");
    Path snapshot = dir.resolve("bot.db.match-index");
    fill(database);
    AppProcess app = new AppProcess(AppProcess.builtJar(), dir, AppProcess.startOnly(database));

    app.start();
    app.awaitLog(1, "match index: " + LISTINGS + " active listings read in");
    assertThat(app.log(1)).doesNotContain("(from the snapshot");
    app.stop();
    assertThat(snapshot).as("written by the graceful stop").isRegularFile();
    assertThat(app.log(1)).contains("match index: snapshot written in");

    app.start();
    app.awaitLog(2, "active listings read in");
    assertThat(app.log(2))
        .contains(LISTINGS + " active listings read in")
        .contains("(from the snapshot, and 0 changed since from the store)");
    app.kill();
    assertThat(snapshot).as("kept").isRegularFile();
    try (Store store = SqliteStore.open(database.toString())) { // changed while it was down
      store.updateStatus(store.allListings().get(0).id(), Status.WITHDRAWN);
      store.insertListing(listing(Kind.NEED, LISTINGS));
    }

    app.start();
    app.awaitLog(3, "active listings read in");
    assertThat(app.log(3))
        .contains(LISTINGS + " active listings read in")
        .contains("(from the snapshot, and 2 changed since from the store)");
    app.stop();
  }

  @Test
  void whileItRunsTheSnapshotIsWrittenAgainSoThatAKillBeforeAnyStopLeavesOne() throws Exception {
    Path database = dir.resolve("bot.db");
    fill(database);
    Map<String, String> settings = new HashMap<>(AppProcess.startOnly(database));
    settings.put("AIDBRIDGE_MATCH_INDEX_SNAPSHOT_PERIOD_MS", "1000");
    AppProcess app = new AppProcess(AppProcess.builtJar(), dir, settings);

    app.start();
    app.awaitLog(1, "match index: snapshot written in");
    app.kill();
    assertThat(dir.resolve("bot.db.match-index")).isRegularFile();

    app.start();
    app.awaitLog(2, "active listings read in");
    assertThat(app.log(2))
        .contains(LISTINGS + " active listings read in")
        .contains("(from the snapshot, and 0 changed since from the store)");
    app.stop();
  }

  private static void fill(Path database) {
    try (Store store = SqliteStore.open(database.toString())) {
      for (int i = 0; i < LISTINGS; i++) {
        store.insertListing(listing(i % 2 == 0 ? Kind.NEED : Kind.OFFER, i));
      }
    }
  }

  private static Listing listing(Kind kind, int i) {
    Instant created = Instant.now().minus(Duration.ofMinutes(i));
    return new Listing(
        0,
        null,
        kind,
        Set.of(Category.MEDICINE),
        List.of(Item.named("insulin")),
        (kind == Kind.NEED ? "need insulin " : "can give insulin ") + i,
        new Place("Portland", "Portland", "US", 45.52, -122.68),
        Urgency.NORMAL,
        created,
        created.plus(Duration.ofDays(7)),
        Status.OPEN,
        Address.person(Channel.SIGNAL, "+1555000" + (1000 + i)),
        "en",
        null);
  }
}
