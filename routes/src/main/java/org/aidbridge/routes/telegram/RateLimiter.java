package org.aidbridge.routes.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Telegram's sending limits, kept before Telegram has to enforce them (Bot FAQ): about one message
 * per second to one chat, twenty per minute to one group, thirty per second overall. A 429 from
 * Telegram stops all sending until its {@code retry_after} has passed.
 *
 * <p>{@link #tryAcquire} either grants one send (and counts it) or says when that chat, or the
 * channel as a whole, is free again, so the outbox schedules each chat by its own next free time.
 * {@link #confirm} then moves the count to the moment Telegram answered: sends are made one at a
 * time, so a request always reached Telegram before its answer came back, and spacing sends from
 * the answers keeps them apart at Telegram too, however long each request travelled. {@link #SAFE}
 * adds a small margin for the clocks on both ends. Time comes from the injected clock only.
 */
public final class RateLimiter {

  /** The limits; {@link #TELEGRAM} are the documented ones. */
  public record Limits(
      Duration perChatSpacing, int perGroup, Duration groupWindow, int overall, Duration window) {

    /** The same limits, each spacing and window longer by {@code margin}. */
    public Limits withMargin(Duration margin) {
      return new Limits(
          perChatSpacing.plus(margin),
          perGroup,
          groupWindow.plus(margin),
          overall,
          window.plus(margin));
    }
  }

  public static final Limits TELEGRAM =
      new Limits(Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 30, Duration.ofSeconds(1));

  /**
   * What the bot keeps to: Telegram's limits with 15 ms to spare on every spacing and window, which
   * costs about 1.5% of the allowed rate and absorbs clock granularity on either end.
   */
  public static final Limits SAFE = TELEGRAM.withMargin(Duration.ofMillis(15));

  /** The answer: granted, or not before {@code notBefore}; {@code global} when all chats wait. */
  public record Permit(boolean granted, Instant notBefore, boolean global) {
    static final Permit GRANTED = new Permit(true, null, false);
  }

  private static final int SWEEP_ABOVE = 1_000;

  private final Clock clock;
  private final Limits limits;
  private final Deque<Instant> overall = new ArrayDeque<>();
  private final Map<String, Instant> lastToChat = new HashMap<>();
  private final Map<String, Deque<Instant>> toGroup = new HashMap<>();
  private Instant pausedUntil = Instant.MIN;

  public RateLimiter(Clock clock, Limits limits) {
    this.clock = clock;
    this.limits = limits;
  }

  public RateLimiter(Clock clock) {
    this(clock, SAFE);
  }

  /** Grants and counts one message to {@code chatId} now, or says when it may go. */
  public synchronized Permit tryAcquire(String chatId, boolean group) {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      return new Permit(false, pausedUntil, true);
    }
    prune(overall, now.minus(limits.window()));
    if (overall.size() >= limits.overall()) {
      return new Permit(false, overall.peekFirst().plus(limits.window()), true);
    }
    Instant last = lastToChat.get(chatId);
    if (last != null && now.isBefore(last.plus(limits.perChatSpacing()))) {
      return new Permit(false, last.plus(limits.perChatSpacing()), false);
    }
    Deque<Instant> groupSends =
        group ? toGroup.computeIfAbsent(chatId, k -> new ArrayDeque<>()) : null;
    if (groupSends != null) {
      prune(groupSends, now.minus(limits.groupWindow()));
      if (groupSends.size() >= limits.perGroup()) {
        return new Permit(false, groupSends.peekFirst().plus(limits.groupWindow()), false);
      }
      groupSends.addLast(now);
    }
    overall.addLast(now);
    lastToChat.put(chatId, now);
    sweep(now);
    return Permit.GRANTED;
  }

  /**
   * The send granted last to {@code chatId} was answered now: it counts from now, not from when it
   * was granted. Call it only for the last grant, before the next one.
   */
  public synchronized void confirm(String chatId, boolean group) {
    Instant now = clock.instant();
    if (!overall.isEmpty()) {
      overall.removeLast();
      overall.addLast(now);
    }
    lastToChat.put(chatId, now);
    Deque<Instant> groupSends = group ? toGroup.get(chatId) : null;
    if (groupSends != null && !groupSends.isEmpty()) {
      groupSends.removeLast();
      groupSends.addLast(now);
    }
  }

  /** Nothing is granted before {@code until} (Telegram answered 429 with retry_after). */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private static void prune(Deque<Instant> sends, Instant notAfter) {
    while (!sends.isEmpty() && !sends.peekFirst().isAfter(notAfter)) {
      sends.removeFirst();
    }
  }

  /** Forgets chats that have been quiet longer than any window, so memory stays small. */
  private void sweep(Instant now) {
    if (lastToChat.size() <= SWEEP_ABOVE) {
      return;
    }
    Instant quietSince = now.minus(limits.groupWindow()).minus(limits.perChatSpacing());
    Iterator<Map.Entry<String, Instant>> it = lastToChat.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(quietSince)) {
        it.remove();
        toGroup.remove(e.getKey());
      }
    }
  }
}
