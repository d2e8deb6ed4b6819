package org.aidbridge.routes.telegram;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the Telegram integration tests stand on, registered with {@code @RegisterExtension}: for
 * each test a fresh fake Bot API and the bot on a fresh database ({@link TelegramBotProcess}),
 * spoken to by the real TelegramBots client.
 */
final class TelegramWorld implements BeforeEachCallback, AfterEachCallback {
  private Path dir;
  private FakeBotApi api;
  private TelegramBotProcess bot;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("aidbridge-telegram-it");
    api = new FakeBotApi();
    bot = new TelegramBotProcess(dir.resolve("aidbridge.db"), api);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      bot.close();
      api.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(TelegramWorld::delete);
      }
    }
  }

  FakeBotApi api() {
    return api;
  }

  TelegramBotProcess bot() {
    return bot;
  }

  /** Generous on a busy machine; the happy path takes well under a second. */
  static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30));
  }

  static Address person(long id) {
    return Address.person(Channel.TELEGRAM, Long.toString(id));
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
