package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.testing.MutableClock;

/**
 * The bot over an in-memory store at a fixed moment, for the tests of the notes on what the bot did
 * not read ({@link ReadingNotes}); and the same notes given after a restart.
 */
final class ReadingNotesFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot = Bots.create(store, BotSettings.DEFAULT, new MutableClock(NOW));

  Store store() {
    return store;
  }

  BotService bot() {
    return bot;
  }

  /**
   * {@code message} stored in a file store, then handled once from the stored inbox by a bot
   * started anew over that file; {@code then} looks at the store afterwards.
   */
  static void handledAfterARestart(Path dir, InboundMessage message, Consumer<Store> then) {
    String file = dir.resolve("aidbridge.db").toString();
    try (Store before = SqliteStore.open(file)) {
      before.recordInbound(message);
    }

    try (Store after = SqliteStore.open(file)) {
      BotService restarted = Bots.create(after, BotSettings.DEFAULT, new MutableClock(NOW));
      assertThat(restarted.resumePending()).isEqualTo(1);
      assertThat(restarted.resumePending()).isZero();
      then.accept(after);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
