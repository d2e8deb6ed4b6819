package org.aidbridge.bot.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aidbridge.bot.model.Channel;

/** {@link OutboxStats} as plain counters in memory, read by name: {@code "telegram.resent"}. */
public final class OutboxCounters implements OutboxStats {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void sendEnded(Channel channel, Result result) {
    add(channel, result.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void resent(Channel channel) {
    add(channel, "resent");
  }

  @Override
  public void deadLettered(Channel channel) {
    add(channel, "dead_lettered");
  }

  /**
   * The count of {@code "<channel>.<event>"}, events being result names in lower case, 0 if none.
   */
  public long count(Channel channel, String event) {
    LongAdder adder = counts.get(channel.id() + "." + event);
    return adder == null ? 0 : adder.sum();
  }

  private void add(Channel channel, String event) {
    counts.computeIfAbsent(channel.id() + "." + event, k -> new LongAdder()).increment();
  }
}
