package org.aidbridge.routes.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram's published sending limits as the server enforces them, on the moment each request
 * arrives: one message a second to a private chat, twenty a minute to a group, thirty a second
 * overall, each a sliding window over the messages accepted. Only accepted messages count. Not
 * thread-safe: {@link FakeBotApi} calls it under its own lock.
 */
final class BotApiLimits {
  private static final Duration CHAT_SPACING = Duration.ofSeconds(1);
  private static final Duration GROUP_WINDOW = Duration.ofMinutes(1);
  private static final int GROUP_MAX = 20;
  private static final Duration OVERALL_WINDOW = Duration.ofSeconds(1);
  private static final int OVERALL_MAX = 30;

  private final Deque<Instant> overall = new ArrayDeque<>();
  private final Map<String, Instant> lastToChat = new HashMap<>();
  private final Map<String, Deque<Instant>> toGroup = new HashMap<>();

  /**
   * Accepts one message to {@code chatId} arriving at {@code now}, or says how long to wait.
   *
   * @return empty when accepted (and counted), else the time until it would be
   */
  Optional<Duration> admit(String chatId, Instant now) {
    boolean group = chatId.startsWith("-");
    Instant free = now;
    prune(overall, now.minus(OVERALL_WINDOW));
    if (overall.size() >= OVERALL_MAX) {
      free = later(free, overall.peekFirst().plus(OVERALL_WINDOW));
    }
    Instant last = lastToChat.get(chatId);
    if (!group && last != null) {
      free = later(free, last.plus(CHAT_SPACING));
    }
    Deque<Instant> groupSends = toGroup.computeIfAbsent(chatId, k -> new ArrayDeque<>());
    if (group) {
      prune(groupSends, now.minus(GROUP_WINDOW));
      if (groupSends.size() >= GROUP_MAX) {
        free = later(free, groupSends.peekFirst().plus(GROUP_WINDOW));
      }
    }
    if (free.isAfter(now)) {
      return Optional.of(Duration.between(now, free));
    }
    overall.addLast(now);
    lastToChat.put(chatId, now);
    if (group) {
      groupSends.addLast(now);
    }
    return Optional.empty();
  }

  /** Telegram's {@code retry_after}: whole seconds, at least one. */
  static int retryAfterSeconds(Duration wait) {
    long millis = wait.toMillis();
    return (int) Math.max(1, (millis + 999) / 1000);
  }

  private static void prune(Deque<Instant> sends, Instant notAfter) {
    while (!sends.isEmpty() && !sends.peekFirst().isAfter(notAfter)) {
      sends.removeFirst();
    }
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }
}
