package org.aidbridge.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.outbox.OutboxDispatcher;
import org.aidbridge.bot.outbox.OutboxPolicy;
import org.aidbridge.bot.outbox.OutboxStats;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.routes.telegram.FakeBotApi;
import org.aidbridge.routes.telegram.RateLimiter;
import org.aidbridge.routes.telegram.TelegramSender;
import org.aidbridge.routes.telegram.TelegramSettings;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * How close to Telegram's limits the outbox sends a large backlog: the real dispatcher, sender,
 * rate limiter, TelegramBots client and a SQLite file, against the project's fake Bot API server
 * enforcing Telegram's limits (1 message a second to a chat, 20 a minute to a group, 30 a second
 * overall; 429 past them). The outbox is drained as {@code OutboxRoutes} does: a tick every 500 ms,
 * each tick draining for up to 5 s.
 *
 * <p>The allowed time is the least time the limits permit for this backlog (message 31 cannot
 * arrive within a second of message 1, a chat's k messages need k - 1 seconds, a group's 21st
 * message comes a minute after its first); the figure is that time over the time taken, from the
 * first accepted message to the last.
 *
 * <p>Arguments: people, messages per person, groups, messages per group (default 60 25 40 20).
 */
public final class TelegramRateHarness {
  private static final Duration TICK = Duration.ofMillis(500);
  private static final Duration DRAIN_BUDGET = Duration.ofSeconds(5);

  private TelegramRateHarness() {}

  public static void main(String[] args) throws Exception {
    int people = arg(args, 0, 60);
    int perPerson = arg(args, 1, 25);
    int groups = arg(args, 2, 40);
    int perGroup = arg(args, 3, 20);
    Clock clock = Clock.systemUTC();
    try (ScratchDirectory dir = new ScratchDirectory("aidbridge-rate");
        FakeBotApi api = new FakeBotApi(clock);
        SqliteStore store = SqliteStore.open(dir.resolve("rate.db").toString())) {
      api.enforceLimits();
      int total = queueBacklog(store, clock, people, perPerson, groups, perGroup);
      TelegramSender sender =
          new TelegramSender(
              new OkHttpTelegramClient(
                  FakeBotApi.TOKEN,
                  new TelegramSettings(FakeBotApi.TOKEN, api.url(), null, Duration.ofSeconds(1))
                      .telegramUrl()),
              new RateLimiter(clock),
              clock,
              store::moveGroup);
      // Time spent waiting for the limits: near the whole run when the limits set the pace, near
      // nothing when the machine is too busy to reach them.
      LongAdder waitedNanos = new LongAdder();
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              store,
              clock,
              OutboxPolicy.DEFAULT,
              OutboxStats.NONE,
              until -> {
                long nanos = Duration.between(clock.instant(), until).toNanos();
                if (nanos > 0) {
                  waitedNanos.add(nanos);
                  Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                }
              });
      System.out.printf(
          "backlog: %d messages (%d people x %d, %d groups x %d)%n",
          total, people, perPerson, groups, perGroup);
      while (api.sent().size() < total) {
        long start = System.nanoTime();
        dispatcher.drainFor(sender, 50, DRAIN_BUDGET);
        long left = TICK.toNanos() - (System.nanoTime() - start);
        if (left > 0) {
          Thread.sleep(left / 1_000_000);
        }
      }
      report(api.sent(), api.refused().size(), perPerson, perGroup);
      System.out.printf("waited for the limits: %.1f s%n", waitedNanos.sum() / 1e9);
    }
  }

  /** Interleaved, as a real backlog builds: everyone's first message, then everyone's second. */
  private static int queueBacklog(
      SqliteStore store, Clock clock, int people, int perPerson, int groups, int perGroup) {
    return store.inTransaction(
        () -> {
          int queued = 0;
          for (int i = 0; i < Math.max(perPerson, perGroup); i++) {
            for (int p = 0; p < people && i < perPerson; p++) {
              Address to = Address.person(Channel.TELEGRAM, Long.toString(5_000_000L + p));
              store.enqueue(OutboundMessage.to(to, "reply " + i, "en"), clock.instant());
              queued++;
            }
            for (int g = 0; g < groups && i < perGroup; g++) {
              Address to = Address.group(Channel.TELEGRAM, Long.toString(-1001000000000L - g));
              store.enqueue(OutboundMessage.to(to, "news " + i, "en"), clock.instant());
              queued++;
            }
          }
          return queued;
        });
  }

  private static void report(List<FakeBotApi.Sent> sent, int refused, int perPerson, int perGroup) {
    List<Instant> times = sent.stream().map(FakeBotApi.Sent::at).sorted().toList();
    Duration taken = Duration.between(times.get(0), times.get(times.size() - 1));
    Map<String, Integer> perChat = new HashMap<>();
    sent.forEach(s -> perChat.merge(s.chatId(), 1, Integer::sum));
    long overall = (times.size() - 1) / 30;
    long chat = perPerson > 0 ? perPerson - 1L : 0;
    long group = perGroup > 0 ? ((perGroup - 1L) / 20) * 60 : 0;
    Duration allowed = Duration.ofSeconds(Math.max(overall, Math.max(chat, group)));
    double rate = (times.size() - 1) / (taken.toNanos() / 1e9);
    System.out.printf(
        "sent %d in %.1f s: %.2f messages/s; the limits allow it in %d s; %.1f%% of the allowed"
            + " rate; 429 answers: %d; busiest chat got %d%n",
        times.size(),
        taken.toNanos() / 1e9,
        rate,
        allowed.toSeconds(),
        100.0 * allowed.toNanos() / taken.toNanos(),
        refused,
        perChat.values().stream().max(Comparator.naturalOrder()).orElse(0));
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
