package org.aidbridge.bot.store;

public enum OutboxStatus {
  /** Waiting to be sent. */
  PENDING,
  /** Claimed by a send that has not been recorded yet; see {@link Store#claimOutbox}. */
  SENDING,
  SENT,
  /** Given up on: the recipient is gone or the message can never go. */
  UNDELIVERABLE,
  /**
   * Failed too often: set aside, so its recipient's later messages go on; a coordinator may retry.
   */
  DEAD_LETTER
}
