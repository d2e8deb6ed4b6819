package org.aidbridge.routes.telegram;

/**
 * Says whether a person administers a group (Telegram's getChatMember: creator or administrator).
 */
@FunctionalInterface
public interface AdminCheck {
  /**
   * @throws Unavailable when Telegram cannot be asked now and nothing is known
   */
  boolean isAdmin(long chatId, long userId);

  /** Telegram could not be asked: the message is handled later. */
  final class Unavailable extends RuntimeException {
    public Unavailable(Exception cause) {
      super("Telegram could not be asked who administers the group", cause);
    }
  }
}
