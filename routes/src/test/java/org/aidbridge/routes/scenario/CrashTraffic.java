package org.aidbridge.routes.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The messages of the crash run: many people, each writing once, privately, on one of the three
 * channels. One message per person keeps the verdict exact: whoever receives anything from the bot
 * was answered (nobody is told of a match with a listing they never made), and a text the same
 * person receives twice was sent twice.
 */
final class CrashTraffic {
  private static final List<String> ITEMS =
      List.of(
          "2 bags of rice",
          "insulin",
          "3 blankets",
          "diapers",
          "a ride to the clinic",
          "a tent",
          "baby formula",
          "5 gallons of water",
          "a phone charger",
          "winter coats",
          "dog food",
          "a wheelchair");
  private static final List<String> PLACES =
      List.of(
          "Portland",
          "Oakland",
          "Denver",
          "Austin",
          "Chicago",
          "Seattle",
          "Boston",
          "Phoenix",
          "Atlanta",
          "Detroit");
  private static final List<String> CHATTER =
      List.of(
          "what time is the meeting tomorrow?",
          "has anyone seen the flyer for saturday",
          "hello, is this the mutual aid bot?",
          "my cousin told me to write here");
  private static final List<String> COMMANDS = List.of("help", "list", "ayuda", "/help");

  /** Short thanks: the bot stays silent on them, by design. */
  private static final List<String> SILENT = List.of("thanks", "ok");

  /** One person's one message. */
  record Message(int index, ChannelKind channel, String text) {
    /** Whether the bot must answer it (it stays silent on a bare "thanks"). */
    boolean deservesAnswer() {
      return !SILENT.contains(text);
    }
  }

  enum ChannelKind {
    TELEGRAM,
    SIGNAL,
    EMAIL
  }

  private CrashTraffic() {}

  /** {@code count} messages, the same for the same seed, channels taken in turn. */
  static List<Message> generate(Random random, int count) {
    List<Message> messages = new ArrayList<>();
    ChannelKind[] channels = ChannelKind.values();
    for (int i = 0; i < count; i++) {
      messages.add(new Message(i, channels[i % channels.length], text(random)));
    }
    return messages;
  }

  private static String text(Random random) {
    int roll = random.nextInt(100);
    String item = pick(random, ITEMS);
    String place = pick(random, PLACES);
    if (roll < 35) {
      return random.nextBoolean()
          ? "I need " + item + " in " + place + ", urgent"
          : "need: " + item + " in " + place;
    }
    if (roll < 65) {
      return random.nextBoolean()
          ? "can give " + item + " in " + place
          : "offer: " + item + " in " + place;
    }
    if (roll < 80) {
      return pick(random, CHATTER);
    }
    if (roll < 95) {
      return pick(random, COMMANDS);
    }
    return pick(random, SILENT);
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
