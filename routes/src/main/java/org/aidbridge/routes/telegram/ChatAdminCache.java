package org.aidbridge.routes.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Asks Telegram ({@code getChatMember}) whether a person administers a group, and remembers the
 * answer briefly: admins run a few commands in a row, and Telegram need not be asked each time.
 * When Telegram cannot be asked, an earlier answer serves even if old; with none, the question
 * stays open ({@link AdminCheck.Unavailable}) and the message waits to be handled later, rather
 * than an admin being told no.
 */
public final class ChatAdminCache implements AdminCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ChatAdminCache.class);
  private static final Set<String> ADMIN = Set.of("creator", "administrator");

  private record Answer(boolean admin, Instant until) {}

  private final TelegramClient client;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  public ChatAdminCache(TelegramClient client, Clock clock, Duration ttl) {
    this.client = client;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public boolean isAdmin(long chatId, long userId) {
    String key = chatId + "/" + userId;
    Instant now = clock.instant();
    Answer known = answers.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.admin();
    }
    try {
      ChatMember member =
          client.execute(GetChatMember.builder().chatId(chatId).userId(userId).build());
      boolean admin = ADMIN.contains(member.getStatus());
      if (answers.size() > 10_000) {
        answers.clear();
      }
      answers.put(key, new Answer(admin, now.plus(ttl)));
      return admin;
    } catch (TelegramApiException e) {
      LOG.warn("could not ask Telegram who administers a group: {}", e.getMessage());
      if (known != null) {
        return known.admin();
      }
      throw new AdminCheck.Unavailable(e);
    }
  }
}
