package org.aidbridge.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.app.RawInbox;

/**
 * Pushes many messages through the whole core: stored in a SQLite file (WAL; each batch of inbound
 * messages synced to disk before it is handled), parsed, matched, answered into the outbox, every
 * batch handled in one transaction ({@link BotService#handleAll}). Prints messages per second, per
 * second of the process's CPU time, and the heap in use.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.aidbridge.benchmarks.LoadHarness
 * [messages] [batch] [core|inbox] [warm-up] [groups]}. {@code core} (the default) hands batches of
 * {@code batch} messages straight to the core (batch 1 is one message at a time, as {@link
 * BotService#handle}). {@code inbox} takes the path of the Telegram and Signal channels in the
 * running application: each message is first kept as a raw payload ({@link RawInbox#keep}: the raw
 * journal and a row, one at a time, as a reading thread does), and the inbox's worker hands the
 * core what waits together (its own batch, at most one message per sender; {@code batch} is
 * ignored). {@code warm-up} messages (none by default) go the same way before the timing starts, so
 * that the figures show the code compiled rather than the JIT compiling it; the counts printed
 * include them. {@code groups} (none by default) subscribed group chats, each 50 km around a place
 * far from every town of the messages (as most of a national network's groups are from any one
 * listing): every new listing is held against each of them.
 */
public final class LoadHarness {
  private static final List<String> PLACES =
      List.of(
          "Portland",
          "Oakland",
          "Flint MI",
          "Marion, Indiana",
          "Minneapolis",
          "Ciudad Juárez",
          "Monterrey",
          "Shiraz",
          "Tehran",
          "Isfahan");
  private static final List<String> NEEDS =
      List.of(
          "I need insulin in %s, urgent",
          "need 2 bags of rice in %s",
          "necesito pañales en %s",
          "we need a ride to the clinic in %s",
          "نیاز به پوشک در %s داریم");
  private static final List<String> OFFERS =
      List.of(
          "can give insulin in %s",
          "offer: 2 bags of rice in %s",
          "ofrezco pañales en %s",
          "I can drive people to the clinic in %s",
          "پوشک برای اهدا در %s داریم");
  private static final List<String> CHATTER =
      List.of(
          "thanks everyone!", "see you at the meeting tonight", "gracias a todas", "ممنون از همه");

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    boolean throughInbox = args.length > 2 && args[2].equals("inbox");
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    int groups = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    try (ScratchDirectory dir = new ScratchDirectory("aidbridge-load");
        Store store = SqliteStore.open(dir.resolve("load.db").toString())) {
      subscribeFarGroups(store, groups);
      BotService bot = Bots.create(store, BotSettings.DEFAULT, Clock.systemUTC());
      SplittableRandom random = new SplittableRandom(7);
      bot.handle(message(0, random, null)); // loads the gazetteer and lexicons outside the timing
      if (warmUp > 0) { // the JIT's compiling done, mostly, before the timing
        run(store, bot, throughInbox, 1, warmUp, batch, random);
      }
      long cpuStart = processCpuNanos();
      long writtenStart = bytesWritten();
      long start = System.nanoTime();
      run(store, bot, throughInbox, warmUp + 1, warmUp + messages, batch, random);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      long writtenMb = (bytesWritten() - writtenStart) / 1_000_000;
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
      System.out.printf(
          "%d messages (%s%s) in %.1f s: %.0f messages/s; %.1f s of CPU: %.0f messages per"
              + " CPU-second; %d MB written; %d replies queued, %d listings, heap in use %d MB%n",
          messages,
          (throughInbox ? "through the raw inbox" : "batches of " + batch)
              + (warmUp > 0 ? ", after " + warmUp + " untimed" : ""),
          groups > 0 ? ", " + groups + " groups subscribed" : "",
          seconds,
          messages / seconds,
          cpuSeconds,
          messages / cpuSeconds,
          writtenMb,
          store.outboxBacklog().depth(),
          store.allListings().size(),
          heapMb);
    }
  }

  /** Groups each 50 km around a point south of Australia's coast: no message's town is near. */
  private static void subscribeFarGroups(Store store, int groups) {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < groups; i++) {
      double lat = random.nextDouble(-45, -40);
      double lon = random.nextDouble(110, 150);
      store.saveSubscription(
          new Subscription(
              Address.group(Channel.TELEGRAM, "-100" + i),
              new Place("group " + i, "group " + i, "AU", lat, lon),
              50,
              Set.of(),
              "en"));
    }
  }

  /** Messages {@code first} to {@code last}, through the raw inbox or straight to the core. */
  private static void run(
      Store store,
      BotService bot,
      boolean throughInbox,
      int first,
      int last,
      int batch,
      SplittableRandom random)
      throws InterruptedException {
    if (throughInbox) {
      throughRawInbox(store, bot, first, last, random);
    } else {
      straightToCore(bot, first, last, batch, random);
    }
  }

  private static void straightToCore(
      BotService bot, int first, int last, int batch, SplittableRandom random) {
    for (int i = first; i <= last; i += batch) {
      List<InboundMessage> arrived = new ArrayList<>(batch);
      for (int j = i; j < i + batch && j <= last; j++) {
        arrived.add(message(j, random, null));
      }
      if (batch == 1) {
        bot.handle(arrived.get(0));
      } else {
        bot.handleAll(arrived);
      }
    }
  }

  /** As the Signal channel: a payload kept per message, handled by the inbox's worker. */
  private static void throughRawInbox(
      Store store, BotService bot, int first, int last, SplittableRandom random)
      throws InterruptedException {
    RawInbox inbox =
        new RawInbox(
            Channel.SIGNAL,
            store,
            Clock.systemUTC(),
            bot,
            LoadHarness::fromPayload,
            (payload, personId) -> payload.startsWith(personId + "\t"),
            () -> true,
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            1_000);
    inbox.start();
    try {
      for (int i = first; i <= last; i++) {
        InboundMessage m = message(i, random, Channel.SIGNAL);
        inbox.keep(m.sender().id() + "\t" + m.channelMessageId() + "\t" + m.text());
      }
      while (store.rawInboundCount(Channel.SIGNAL) > 0 || !store.unprocessedInbound(1).isEmpty()) {
        Thread.sleep(20);
      }
    } finally {
      inbox.close();
    }
  }

  private static RawInbox.Work fromPayload(String payload) {
    String[] parts = payload.split("\t", 3);
    return new RawInbox.ForCore(
        List.of(
            InboundMessage.direct(
                Address.person(Channel.SIGNAL, parts[0]), parts[1], parts[2], Instant.now())));
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Bytes the process handed to write calls so far ({@code wchar} of {@code /proc/self/io}: the
   * database's log, its temporary files, the journals), or -1 where there is no such file.
   */
  private static long bytesWritten() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        if (line.startsWith("wchar:")) {
          return Long.parseLong(line.substring("wchar:".length()).strip());
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Not Linux, or not readable: the figure is left out.
    }
    return -1;
  }

  /** The i-th message; on {@code only} channel, else on the three in turn. */
  private static InboundMessage message(int i, SplittableRandom random, Channel only) {
    String place = PLACES.get(random.nextInt(PLACES.size()));
    int roll = random.nextInt(10);
    String text =
        roll < 4
            ? pick(NEEDS, random, place)
            : roll < 8 ? pick(OFFERS, random, place) : CHATTER.get(random.nextInt(CHATTER.size()));
    Channel channel = only != null ? only : Channel.values()[i % 3];
    Address sender = Address.person(channel, "person-" + random.nextInt(2_000));
    return InboundMessage.direct(sender, "load-" + i, text, Instant.now());
  }

  private static String pick(List<String> forms, SplittableRandom random, String place) {
    return String.format(forms.get(random.nextInt(forms.size())), place);
  }
}
