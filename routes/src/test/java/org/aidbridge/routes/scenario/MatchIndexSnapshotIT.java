package org.aidbridge.routes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * writes it beside the database, the next start reads it (and deletes it), and a start after a kill
 * (SIGKILL), which leaves none, reads the database.
 */
class MatchIndexSnapshotIT {
  private static final int LISTINGS = 40;

  @TempDir Path dir;

  @Test
  void aGracefulStopWritesTheSnapshotTheNextStartReadsAndAKillLeavesNone() throws Exception {
    Path database = dir.resolve("bot.db");
    Path snapshot = dir.resolve("bot.db.match-index");
    try (Store store = SqliteStore.open(database.toString())) {
      for (int i = 0; i < LISTINGS; i++) {
        store.insertListing(listing(i % 2 == 0 ? Kind.NEED : Kind.OFFER, i));
      }
    }
    AppProcess app = new AppProcess(AppProcess.builtJar(), dir, AppProcess.startOnly(database));

    app.start();
    app.awaitLog(1, "match index: " + LISTINGS + " active listings read in");
    assertThat(app.log(1)).doesNotContain("(from the snapshot)");
    app.stop();
    assertThat(snapshot).as("written by the graceful stop").isRegularFile();
    assertThat(app.log(1)).contains("match index: snapshot written in");

    app.start();
    app.awaitLog(2, "active listings read in");
    assertThat(app.log(2))
        .contains(LISTINGS + " active listings read in")
        .contains("(from the snapshot)");
    assertThat(snapshot).as("read once, then deleted").doesNotExist();
    app.kill();
    assertThat(snapshot).as("a killed run writes none").doesNotExist();

    app.start();
    app.awaitLog(3, "active listings read in");
    assertThat(app.log(3))
        .contains(LISTINGS + " active listings read in")
        .doesNotContain("(from the snapshot)");
    app.stop();
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
