package org.aidbridge.routes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidbridge.routes.scenario.CrashTraffic.ChannelKind;
import org.aidbridge.routes.scenario.CrashTraffic.Message;
import org.aidbridge.routes.signal.FakeSignalDaemon;
import org.aidbridge.routes.telegram.FakeBotApi;

/**
 * The verdict of a crash run, from what the three test servers received from the bot: who was never
 * answered, and which text reached the same person more than once.
 */
final class CrashTally {
  /**
   * What the bot sent, as its recipient reads it (no Message-ID or date: those differ per send).
   */
  record Reply(String recipient, String text, String mailMessageId) {
    Reply(String recipient, String text) {
      this(recipient, text, null);
    }
  }

  private final Map<String, List<String>> byRecipient = new HashMap<>();
  // Per recipient and text, the Message-IDs of the mails that carried it (email only).
  private final Map<String, List<String>> mailIds = new HashMap<>();

  private CrashTally(List<Reply> replies) {
    replies.forEach(
        r -> {
          byRecipient.computeIfAbsent(r.recipient(), k -> new ArrayList<>()).add(r.text());
          if (r.mailMessageId() != null) {
            mailIds
                .computeIfAbsent(r.recipient() + "\n" + r.text(), k -> new ArrayList<>())
                .add(r.mailMessageId());
          }
        });
  }

  static CrashTally of(PeopleMail mail, FakeBotApi telegram, FakeSignalDaemon signal) {
    List<Reply> replies = new ArrayList<>();
    for (MimeMessage m : mail.fromBot()) {
      String text = PeopleMail.subject(m) + "\n" + PeopleMail.text(m);
      String id = messageId(m);
      PeopleMail.recipients(m).forEach(to -> replies.add(new Reply("email:" + to, text, id)));
    }
    telegram.sent().forEach(s -> replies.add(new Reply("telegram:" + s.chatId(), s.text())));
    for (JsonNode send : signal.deliveredSends()) {
      String to =
          send.hasNonNull("groupId")
              ? send.get("groupId").asText()
              : send.path("recipient").path(0).asText();
      replies.add(new Reply("signal:" + to, send.path("message").asText()));
    }
    return new CrashTally(replies);
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      return null;
    }
  }

  /**
   * Of the {@link #duplicates}, the mails that carried the Message-ID of an earlier copy of the
   * same text to the same person: the same mail sent again, which mail programs show once. Still
   * counted as duplicates; reported apart so the summary says what a person saw.
   */
  int sameMailResent() {
    int same = 0;
    for (List<String> ids : mailIds.values()) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String id : ids) {
        if (!seen.add(id)) {
          same++;
        }
      }
    }
    return same;
  }

  /** Every message delivered, matches and hints included. */
  int delivered() {
    return byRecipient.values().stream().mapToInt(List::size).sum();
  }

  /** Whether anything reached one of the person's addresses. */
  boolean answered(Set<String> addresses) {
    return addresses.stream().anyMatch(byRecipient::containsKey);
  }

  /** The messages that deserved an answer and got none, by channel. */
  Map<ChannelKind, Integer> lost(List<Message> messages, People people) {
    Map<ChannelKind, Integer> lost = zeroes();
    for (Message m : messages) {
      if (m.deservesAnswer() && !answered(people.addresses(m))) {
        lost.merge(m.channel(), 1, Integer::sum);
      }
    }
    return lost;
  }

  /** The messages that deserved an answer and got none, in order. */
  List<Message> unanswered(List<Message> messages, People people) {
    return messages.stream()
        .filter(m -> m.deservesAnswer() && !answered(people.addresses(m)))
        .toList();
  }

  /** Each text that reached one recipient more than once, as "channel ×copies: text". */
  List<String> repeated() {
    List<String> repeated = new ArrayList<>();
    byRecipient.forEach(
        (recipient, texts) -> {
          Map<String, Integer> counts = new HashMap<>();
          texts.forEach(t -> counts.merge(t, 1, Integer::sum));
          counts.forEach(
              (text, n) -> {
                if (n > 1) {
                  String firstLine = text.lines().findFirst().orElse("");
                  repeated.add(
                      channelOf(recipient).name().toLowerCase() + " x" + n + ": " + firstLine);
                }
              });
        });
    return repeated;
  }

  /** Copies beyond the first of the same text to the same recipient, by channel. */
  Map<ChannelKind, Integer> duplicates() {
    Map<ChannelKind, Integer> duplicates = zeroes();
    byRecipient.forEach(
        (recipient, texts) -> {
          Map<String, Integer> counts = new HashMap<>();
          texts.forEach(t -> counts.merge(t, 1, Integer::sum));
          int extra = counts.values().stream().mapToInt(c -> c - 1).sum();
          duplicates.merge(channelOf(recipient), extra, Integer::sum);
        });
    return duplicates;
  }

  private static ChannelKind channelOf(String recipient) {
    return ChannelKind.valueOf(recipient.substring(0, recipient.indexOf(':')).toUpperCase());
  }

  private static Map<ChannelKind, Integer> zeroes() {
    Map<ChannelKind, Integer> map = new EnumMap<>(ChannelKind.class);
    for (ChannelKind kind : ChannelKind.values()) {
      map.put(kind, 0);
    }
    return map;
  }

  static int total(Map<ChannelKind, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The addresses of the run's people: the n-th message is the n-th person's. */
  interface People {
    Set<String> addresses(Message message);
  }
}
