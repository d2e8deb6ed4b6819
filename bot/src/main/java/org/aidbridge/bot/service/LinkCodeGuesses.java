package org.aidbridge.bot.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.aidbridge.bot.model.Address;

/**
 * Counts wrong link codes, so that nobody can find a live code by trying them all. A code has six
 * characters of 31 (about 8.9 * 10^8); a code shown with {@code link} links whoever types it to its
 * requester, a coordinator's too. So each sender may type {@value #PER_SENDER} wrong codes in a
 * window, and everyone together {@value #IN_TOTAL} (a forger with many addresses): the chance of
 * hitting any one live code stays below one in four million per window. The price: someone who
 * floods wrong codes makes linking wait, for everyone, until the window ends; nothing else.
 *
 * <p>Kept in memory: a restart begins a new window, and only the operator can restart the bot.
 */
final class LinkCodeGuesses {
  static final int PER_SENDER = 5;
  static final int IN_TOTAL = 200;

  private final Duration window;
  private final Map<Address, Integer> bySender = new HashMap<>();
  private Instant windowEnds = Instant.MIN;
  private int total;

  LinkCodeGuesses(Duration window) {
    this.window = window;
  }

  /** Whether {@code sender} may try a code now. */
  synchronized boolean mayTry(Address sender, Instant now) {
    startOver(now);
    return total < IN_TOTAL && bySender.getOrDefault(sender, 0) < PER_SENDER;
  }

  /** Counts a code that was no live code for {@code sender}. */
  synchronized void wrong(Address sender, Instant now) {
    startOver(now);
    bySender.merge(sender, 1, Integer::sum);
    total++;
  }

  private void startOver(Instant now) {
    if (!now.isBefore(windowEnds)) {
      bySender.clear();
      total = 0;
      windowEnds = now.plus(window);
    }
  }
}
