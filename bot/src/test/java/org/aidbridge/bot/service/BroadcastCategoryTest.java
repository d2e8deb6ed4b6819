package org.aidbridge.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broadcast's category is a word written as a category id in lower case, or any case followed
 * by a colon; any other word is the start of the text, and the preview names the category.
 */
class BroadcastCategoryTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Address COORDINATOR = Address.person(Channel.TELEGRAM, "1");
  private static final Place PORTLAND = new Place("Portland", "Portland", "US", 45.5234, -122.6762);
  private static final Address ALL_GROUP = Address.group(Channel.TELEGRAM, "-1001");
  private static final Address FOOD_GROUP = Address.group(Channel.SIGNAL, "Zm9vZA==");

  private final Store store = SqliteStore.open(":memory:");
  private final BotService bot =
      Bots.create(
          store,
          BotSettings.DEFAULT.withCoordinators(Set.of(COORDINATOR)),
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void groups() {
    store.saveSubscription(new Subscription(ALL_GROUP, PORTLAND, 30, Set.of(), "en"));
    store.saveSubscription(new Subscription(FOOD_GROUP, PORTLAND, 30, Set.of(Category.FOOD), "en"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCapitalisedCategoryWordWithoutAColonStaysInTheText() {
    String preview = preview("broadcast Portland Water distribution at the library 3pm");

    assertThat(preview).contains("category: every category", "2 group(s)");
    assertThat(sentToGroups())
        .allSatisfy(text -> assertThat(text).contains("Water distribution at the library 3pm"))
        .hasSize(2);
  }

  @Test
  void aLowerCaseCategoryIdIsTheCategoryAndThePreviewNamesIt() {
    String preview = preview("broadcast Portland food Free meals at the church at 5pm");

    assertThat(preview).contains("category: food", "2 group(s)", "signal 1", "telegram 1");
    assertThat(sentToGroups())
        .hasSize(2)
        .allSatisfy(
            t ->
                assertThat(t)
                    .startsWith("Announcement")
                    .contains("\n\nFree meals at the church at 5pm"));
  }

  @Test
  void aCategoryFollowedByAColonIsTheCategoryInAnyCase() {
    String preview = preview("broadcast Portland Water: distribution at the library 3pm");

    assertThat(preview).contains("category: water", "1 group(s)", "telegram 1");
    assertThat(sentToGroups())
        .singleElement()
        .satisfies(t -> assertThat(t).endsWith("\n\ndistribution at the library 3pm"));
  }

  private String preview(String command) {
    List<OutboundMessage> out = bot.handle(say(command));
    assertThat(out).hasSize(1);
    return out.get(0).text();
  }

  private List<String> sentToGroups() {
    return bot.handle(say("broadcast confirm")).stream()
        .filter(o -> o.to().group())
        .map(OutboundMessage::text)
        .toList();
  }

  private InboundMessage say(String text) {
    return InboundMessage.direct(COORDINATOR, "c" + ids.incrementAndGet(), text, NOW);
  }
}
