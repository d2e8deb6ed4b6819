package org.aidbridge.routes.telegram;

/**
 * Says whether a person administers a group (Telegram's getChatMember: creator or administrator).
 */
@FunctionalInterface
public interface AdminCheck {
  boolean isAdmin(long chatId, long userId);
}
