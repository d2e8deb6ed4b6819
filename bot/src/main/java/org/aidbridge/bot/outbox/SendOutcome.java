package org.aidbridge.bot.outbox;

import java.time.Instant;

/** What became of one attempt to send an outbox entry. */
public sealed interface SendOutcome {

  /** The channel took the message; {@code channelMessageId} is its id there. */
  record Sent(String channelMessageId) implements SendOutcome {}

  /**
   * Not now: try again at {@code notBefore}. With {@code wholeChannel}, nothing more is sent on the
   * channel until then (a global rate limit, a captcha challenge); otherwise only this recipient
   * waits, so order per chat is kept.
   */
  record RetryAt(Instant notBefore, boolean wholeChannel, String reason) implements SendOutcome {}

  /** The recipient can no longer be reached (blocked the bot, left, unregistered). */
  record Unreachable(String reason) implements SendOutcome {}

  /** This message can never be sent (chat not found, malformed); others are unaffected. */
  record Rejected(String reason) implements SendOutcome {}
}
