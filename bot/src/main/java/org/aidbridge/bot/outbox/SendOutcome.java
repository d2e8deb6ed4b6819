package org.aidbridge.bot.outbox;

import java.time.Instant;

/**
 * What became of one attempt to send an outbox entry. Every failure a channel sees is sorted into
 * one of these: try again later ({@link Deferred} when the channel was only asked to wait, {@link
 * Failed} when something went wrong), the recipient is gone ({@link Unreachable}), this one message
 * can never go ({@link Rejected}), or our own configuration is wrong ({@link Misconfigured}).
 */
public sealed interface SendOutcome {

  /**
   * The channel took the message; {@code channelMessageId} is its id there; {@code at}, when not
   * null, the moment the channel's answer was read and written down (the sender did so itself, on
   * the thread that read it), else the dispatcher takes its own moment.
   */
  record Sent(String channelMessageId, Instant at) implements SendOutcome {
    public Sent(String channelMessageId) {
      this(channelMessageId, null);
    }
  }

  /**
   * Not now, and nothing went wrong: pacing or a rate limit. Not counted as an attempt. With {@code
   * wholeChannel}, nothing more is sent on the channel until {@code notBefore} (a global limit, a
   * captcha challenge); otherwise only this recipient waits, so order per chat is kept. {@code
   * byPlatform} is true when the platform itself refused (Telegram 429 with its retry_after,
   * Signal's rate limit), false when the bot held back on its own.
   */
  record Deferred(Instant notBefore, boolean wholeChannel, boolean byPlatform, String reason)
      implements SendOutcome {}

  /**
   * A passing failure (network, a 5xx, a daemon away): tried again after the {@link Backoff}. With
   * {@code wholeChannel} the channel itself is unwell: the channel pauses and the entry does not
   * count it as its own failure; otherwise the entry counts one failure, and after the configured
   * number it is set aside as a dead letter.
   */
  record Failed(String reason, boolean wholeChannel) implements SendOutcome {}

  /** The recipient can no longer be reached (blocked the bot, left, mailbox does not exist). */
  record Unreachable(String reason) implements SendOutcome {}

  /** This message can never be sent (chat not found, malformed); others are unaffected. */
  record Rejected(String reason) implements SendOutcome {}

  /**
   * Our side is wrong (login refused, relaying denied, token revoked): the channel pauses, the
   * entry stays queued, and the channel's state says why until a send succeeds again.
   */
  record Misconfigured(String reason) implements SendOutcome {}
}
