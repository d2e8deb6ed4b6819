package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.aidbridge.bot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Who administers a group, asked with getChatMember through the real client. */
class TelegramAdminCheckIT {
  private static final long GROUP = -1001225890715L;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private FakeBotApi api;
  private ChatAdminCache admins;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi(clock);
    TelegramSettings settings =
        new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(1));
    admins =
        new ChatAdminCache(
            new OkHttpTelegramClient(FakeBotApi.TOKEN, settings.telegramUrl()),
            clock,
            Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void creatorAndAdministratorAreAdminsAndMembersAreNot() {
    api.setStatus(GROUP, 1, "creator");
    api.setStatus(GROUP, 2, "administrator");
    api.setStatus(GROUP, 3, "member");

    assertThat(admins.isAdmin(GROUP, 1)).isTrue();
    assertThat(admins.isAdmin(GROUP, 2)).isTrue();
    assertThat(admins.isAdmin(GROUP, 3)).isFalse();
    assertThat(admins.isAdmin(GROUP, 4)).isFalse();
  }

  @Test
  void answerIsRememberedForAMinuteThenAskedAgain() {
    api.setStatus(GROUP, 2, "administrator");
    admins.isAdmin(GROUP, 2);
    api.setStatus(GROUP, 2, "member");

    boolean withinAMinute = admins.isAdmin(GROUP, 2);
    clock.advance(Duration.ofSeconds(61));
    boolean later = admins.isAdmin(GROUP, 2);

    assertThat(withinAMinute).isTrue();
    assertThat(later).isFalse();
    assertThat(api.requests("getChatMember")).hasSize(2);
  }

  @Test
  void whenTelegramCannotBeAskedAndNothingIsKnownTheQuestionStaysOpen() {
    api.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> admins.isAdmin(GROUP, 2))
        .isInstanceOf(AdminCheck.Unavailable.class);
  }
}
