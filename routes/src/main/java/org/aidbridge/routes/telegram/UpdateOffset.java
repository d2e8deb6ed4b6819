package org.aidbridge.routes.telegram;

import org.aidbridge.bot.store.Store;

/**
 * The getUpdates offset as AidBridge has durably stored it: one more than the last update that was
 * stored and handled. Telegram forgets an update once getUpdates is called with a higher offset, so
 * only this value, never the library's, is sent to Telegram.
 */
final class UpdateOffset {
  static final String STATE_KEY = "telegram.offset";

  private final Store store;

  UpdateOffset(Store store) {
    this.store = store;
  }

  /** The offset to ask Telegram for: updates below it are already handled. */
  int next() {
    return store.state(STATE_KEY).map(Integer::parseInt).orElse(0);
  }

  /** Records that the update has been handled; the offset only moves forward. */
  synchronized void confirm(int updateId) {
    if (updateId + 1 > next()) {
      store.putState(STATE_KEY, Integer.toString(updateId + 1));
    }
  }

  boolean isHandled(int updateId) {
    return updateId < next();
  }
}
