package org.aidbridge.routes.scenario;

import java.util.List;
import java.util.Map;
import org.aidbridge.routes.scenario.CrashTraffic.ChannelKind;
import org.aidbridge.routes.scenario.CrashTraffic.Message;

/**
 * What a crash run found, printed as its summary.
 *
 * @param lost per channel, messages that deserved an answer and got none
 * @param duplicates per channel, copies beyond the first of one text to one recipient
 * @param finished whether the bot took and handled everything before the verdict was taken
 * @param missedMoments kills whose random moment (a number of messages taken) never came
 * @param unanswered the messages counted in {@code lost}
 * @param repeated the texts counted in {@code duplicates}, with their channel and copies
 * @param sameMailResent of the email duplicates, those that carried the Message-ID of the first
 *     copy (the same mail again, which mail programs show once)
 */
record CrashVerdict(
    long seed,
    int kills,
    List<Message> messages,
    int delivered,
    Map<ChannelKind, Integer> lost,
    Map<ChannelKind, Integer> duplicates,
    boolean finished,
    int missedMoments,
    List<Message> unanswered,
    List<String> repeated,
    int sameMailResent) {
  /** How many lost and repeated messages the summary lists, at most. */
  private static final int SHOWN = 10;

  /** The verdict on a run whose messages went to {@code people}, from what the fakes counted. */
  static CrashVerdict of(
      long seed,
      int kills,
      List<Message> messages,
      CrashTally tally,
      CrashTally.People people,
      boolean finished,
      int missedMoments) {
    return new CrashVerdict(
        seed,
        kills,
        messages,
        tally.delivered(),
        tally.lost(messages, people),
        tally.duplicates(),
        finished,
        missedMoments,
        tally.unanswered(messages, people),
        tally.repeated(),
        tally.sameMailResent());
  }

  int lostTotal() {
    return CrashTally.total(lost);
  }

  int duplicatesTotal() {
    return CrashTally.total(duplicates);
  }

  @Override
  public String toString() {
    StringBuilder out =
        new StringBuilder("crash harness summary (seed ").append(seed).append(")\n");
    out.append(
        String.format(
            "  messages %d (deserving an answer %d), kills %d, delivered %d%n",
            messages.size(),
            messages.stream().filter(Message::deservesAnswer).count(),
            kills,
            delivered));
    out.append(String.format("  lost %d, duplicates %d%n", lostTotal(), duplicatesTotal()));
    for (ChannelKind channel : ChannelKind.values()) {
      long sent = messages.stream().filter(m -> m.channel() == channel).count();
      out.append(
          String.format(
              "  %-8s messages %4d, lost %3d, duplicates %3d%n",
              channel.name().toLowerCase(), sent, lost.get(channel), duplicates.get(channel)));
    }
    if (sameMailResent > 0) {
      out.append(
          String.format(
              "  of the email duplicates, %d carried the first copy's Message-ID%n",
              sameMailResent));
    }
    unanswered.stream()
        .limit(SHOWN)
        .forEach(
            m ->
                out.append("  lost: ")
                    .append(m.channel().name().toLowerCase())
                    .append(" message ")
                    .append(m.index())
                    .append(" \"")
                    .append(m.text())
                    .append("\"\n"));
    repeated.stream()
        .limit(SHOWN)
        .forEach(r -> out.append("  sent twice: ").append(r).append('\n'));
    if (!finished) {
      out.append("  the bot had not finished (something still waited to be taken or sent)\n");
    }
    if (missedMoments > 0) {
      out.append("  ")
          .append(missedMoments)
          .append(" kill(s) came after a minute without the awaited intake\n");
    }
    return out.toString();
  }
}
