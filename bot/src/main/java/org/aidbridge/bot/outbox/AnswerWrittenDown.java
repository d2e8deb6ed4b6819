package org.aidbridge.bot.outbox;

import java.time.Clock;
import java.time.Instant;

/**
 * One send's success, written down ({@code ChannelMemory.journalSent}) by the thread that reads the
 * platform's answer, the instant it reads it, before the sending thread that waits for the answer
 * is woken.
 *
 * <p>Why on the reading thread: from the moment the platform took a message until the bot wrote it
 * down, a kill makes the message go twice (after the restart, the entry is still claimed). Handing
 * the answer to the sending thread first adds to that window the time the sending thread waits for
 * a CPU once woken, which on a loaded machine is the larger part of it.
 *
 * <p>Unless the sending thread finished with the send already (it stopped waiting): then nothing is
 * written down, so that every send written down is reported sent ({@link #finish}), and marked,
 * exactly once.
 */
public final class AnswerWrittenDown {

  /** Writes a send down without waiting (a file append): {@code ChannelMemory.journalSent}. */
  @FunctionalInterface
  public interface Journal {
    void journalSent(long outboxId, String channelMessageId, Instant at);
  }

  private final long outboxId;
  private final Journal journal;
  private final Clock clock;
  private boolean finished; // guarded by this
  private SendOutcome.Sent written; // guarded by this

  public AnswerWrittenDown(long outboxId, Journal journal, Clock clock) {
    this.outboxId = outboxId;
    this.journal = journal;
    this.clock = clock;
  }

  /**
   * On the reading thread, the instant an answer says the platform took the message; once (a second
   * call for the same answer writes nothing).
   */
  public synchronized void sent(String channelMessageId) {
    if (finished || written != null) {
      return;
    }
    Instant now = clock.instant();
    journal.journalSent(outboxId, channelMessageId, now);
    written = new SendOutcome.Sent(channelMessageId, now);
  }

  /**
   * On the sending thread, once it has the answer or stopped waiting for it: nothing more is
   * written down.
   *
   * @return the send written down (report it sent, whatever the sending thread saw), or null
   */
  public synchronized SendOutcome.Sent finish() {
    finished = true;
    return written;
  }
}
