package org.aidbridge.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.store.SqliteStore;
import org.aidbridge.bot.store.Store;

/**
 * Pushes many messages through the whole core, as the channels would: stored in a SQLite file (WAL;
 * each batch of inbound messages synced to disk before it is handled), parsed, matched, answered
 * into the outbox, every batch handled in one transaction ({@link BotService#handleAll}). Prints
 * messages per second and the heap in use. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.aidbridge.benchmarks.LoadHarness [messages] [batch]} (batch 1 is one message at a time, as
 * {@link BotService#handle}).
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
    Path dir = Files.createTempDirectory("aidbridge-load");
    try (Store store = SqliteStore.open(dir.resolve("load.db").toString())) {
      BotService bot = Bots.create(store, BotSettings.DEFAULT, Clock.systemUTC());
      SplittableRandom random = new SplittableRandom(7);
      bot.handle(message(0, random)); // loads the gazetteer and lexicons outside the timing
      long start = System.nanoTime();
      int replies = 0;
      for (int i = 1; i <= messages; i += batch) {
        List<InboundMessage> arrived = new ArrayList<>(batch);
        for (int j = i; j < i + batch && j <= messages; j++) {
          arrived.add(message(j, random));
        }
        replies += batch == 1 ? bot.handle(arrived.get(0)).size() : bot.handleAll(arrived).size();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
      System.out.printf(
          "%d messages (batches of %d) in %.1f s: %.0f messages/s, %d replies queued, %d listings,"
              + " heap in use %d MB%n",
          messages,
          batch,
          seconds,
          messages / seconds,
          replies,
          store.allListings().size(),
          heapMb);
    }
  }

  private static InboundMessage message(int i, SplittableRandom random) {
    String place = PLACES.get(random.nextInt(PLACES.size()));
    int roll = random.nextInt(10);
    String text =
        roll < 4
            ? pick(NEEDS, random, place)
            : roll < 8 ? pick(OFFERS, random, place) : CHATTER.get(random.nextInt(CHATTER.size()));
    Channel channel = Channel.values()[i % 3];
    Address sender = Address.person(channel, "person-" + random.nextInt(2_000));
    return InboundMessage.direct(sender, "load-" + i, text, Instant.now());
  }

  private static String pick(List<String> forms, SplittableRandom random, String place) {
    return String.format(forms.get(random.nextInt(forms.size())), place);
  }
}
