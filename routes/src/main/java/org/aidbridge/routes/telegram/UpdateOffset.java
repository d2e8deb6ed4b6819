package org.aidbridge.routes.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.aidbridge.bot.port.ChannelMemory;

/**
 * The getUpdates offset as AidBridge has durably stored it: one more than the last update that was
 * stored. Telegram forgets an update once getUpdates is called with a higher offset, so only this
 * value, never the library's, is sent to Telegram.
 *
 * <p>After a week without updates Telegram starts {@code update_id} again at a random value, which
 * may lie far below the stored offset: asking with that offset would confirm (and so lose) the new
 * updates. So when no update came for {@link #QUIET} the offset is left out, which asks for every
 * update Telegram still holds; those the bot already has are recognised in the inbox, not by their
 * id. The offset is only a position in the current run of ids, never proof that an update was
 * handled.
 */
final class UpdateOffset {
  static final String STATE_KEY = "telegram.offset";
  static final String LAST_UPDATE_KEY = "telegram.last.update.at";

  /** Well under Telegram's week, so a restart of the ids is never met with an old offset. */
  static final Duration QUIET = Duration.ofDays(3);

  private final ChannelMemory store;
  private final Clock clock;

  UpdateOffset(ChannelMemory store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The offset to ask Telegram for; 0 (none) after a long quiet. */
  int next() {
    Instant last =
        store.state(LAST_UPDATE_KEY).map(Long::parseLong).map(Instant::ofEpochMilli).orElse(null);
    if (last != null && last.plus(QUIET).isBefore(clock.instant())) {
      return 0;
    }
    return store.state(STATE_KEY).map(Integer::parseInt).orElse(0);
  }

  /** Records that the update is stored: the next request starts after it, whatever came before. */
  void confirm(int updateId) {
    store.inTransaction(
        () -> {
          store.putState(STATE_KEY, Integer.toString(updateId + 1));
          store.putState(LAST_UPDATE_KEY, Long.toString(clock.millis()));
        });
  }
}
