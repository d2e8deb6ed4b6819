package org.aidbridge.routes.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two ids of a sent message, read from Telegram's answer without parsing the message. */
class AnswerPeekTest {
  private static String idIn(String answer) {
    return AnswerPeek.sentMessageId(answer.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSendMessageAnswerGivesChatAndMessageId() throws Exception {
    byte[] answer =
        getClass()
            .getResourceAsStream("/fixtures/telegram/send-message-result.json")
            .readAllBytes();

    assertThat(AnswerPeek.sentMessageId(answer)).isEqualTo("42234:4");
  }

  @Test
  void onlyTheResultsOwnIdsCountNotThoseOfTheMessageItRepliesTo() {
    String answer =
        "{\"result\":{\"reply_to_message\":{\"message_id\":9,\"chat\":{\"id\":77}},"
            + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"a\",\"callback_data\":\"b\"}]]},"
            + "\"chat\":{\"type\":\"supergroup\",\"id\":-1002233445566},\"message_id\":15},"
            + "\"ok\":true}";

    assertThat(idIn(answer)).isEqualTo("-1002233445566:15");
  }

  @Test
  void anythingButASentMessageGivesNothing() {
    assertThat(idIn("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}"))
        .isNull();
    assertThat(idIn("{\"ok\":true,\"result\":true}")).isNull();
    assertThat(idIn("{\"ok\":true,\"result\":{\"message_id\":3}}")).isNull();
    assertThat(idIn("{\"ok\":true,\"result\":{\"message_id\":3,\"chat\":{\"id\":")).isNull();
    assertThat(idIn("<html>Bad Gateway</html>")).isNull();
  }
}
