package org.aidbridge.routes.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aidbridge.bot.port.ChannelMemory;

/**
 * How far the sending of a long text (several parts) has come, per outbox entry. Kept in the
 * store's durable values, so a restart goes on with the next part instead of sending the first ones
 * again; nothing in the outbox table changes.
 */
interface PartLedger {
  /** Parts already sent of an entry, and the id of the last one sent. */
  record Sent(int parts, String lastId) {}

  Optional<Sent> load(long outboxId);

  void save(long outboxId, Sent sent);

  void clear(long outboxId);

  /** Kept in the store under {@code telegram.parts.<outbox id>}. */
  static PartLedger durable(ChannelMemory store) {
    return new PartLedger() {
      @Override
      public Optional<Sent> load(long outboxId) {
        return store.state(key(outboxId)).map(PartLedger::parse);
      }

      @Override
      public void save(long outboxId, Sent sent) {
        store.putState(key(outboxId), sent.parts() + " " + sent.lastId());
      }

      @Override
      public void clear(long outboxId) {
        store.deleteState(key(outboxId));
      }
    };
  }

  /** Kept in memory only (a restart sends a half-sent text from its first part again). */
  static PartLedger inMemory() {
    Map<Long, Sent> sent = new ConcurrentHashMap<>();
    return new PartLedger() {
      @Override
      public Optional<Sent> load(long outboxId) {
        return Optional.ofNullable(sent.get(outboxId));
      }

      @Override
      public void save(long outboxId, Sent progress) {
        sent.put(outboxId, progress);
      }

      @Override
      public void clear(long outboxId) {
        sent.remove(outboxId);
      }
    };
  }

  private static String key(long outboxId) {
    return "telegram.parts." + outboxId;
  }

  private static Sent parse(String value) {
    int space = value.indexOf(' ');
    return new Sent(Integer.parseInt(value.substring(0, space)), value.substring(space + 1));
  }
}
