package org.aidbridge.routes.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Why each text reached its person twice in a crash run, from the evidence the run leaves: the
 * outbox rows to that person with that text (their state and times), the application's logs (which
 * entries were "sent again" after a restart) and when each copy reached the platform compared with
 * the kills. Each duplicate is put in one class:
 *
 * <ul>
 *   <li>{@code resend}: one outbox row, sent again after a restart because its send was not written
 *       down before the kill; the first copy's distance to the next kill is the window it fell in;
 *   <li>{@code rehandled}: two or more outbox rows with the same text to the same person (a message
 *       handled twice, or two messages asking the same);
 *   <li>{@code unexplained}: anything else, printed whole.
 * </ul>
 */
final class DuplicateCauses {
  /** One copy a platform took from the bot: to whom, what, when (the platform's clock). */
  record Copy(String recipient, String text, Instant at, String messageId) {}

  /** What one duplicate was, for the summary. */
  record Cause(String kind, String channel, String detail, long windowMillis) {}

  private static final Pattern SENT_AGAIN =
      Pattern.compile("(\\w+) outbox entry (\\d+) is sent again");

  private DuplicateCauses() {}

  /**
   * @param copies every copy the platforms took, in any order
   * @param kills the moments of the kills
   * @param dir the run's directory: the database and the application's logs
   */
  static List<Cause> explain(List<Copy> copies, List<Instant> kills, Path database, Path dir)
      throws IOException, SQLException {
    Map<String, Integer> sentAgain = sentAgain(dir);
    Map<String, List<Copy>> byKey = new LinkedHashMap<>();
    copies.forEach(
        c ->
            byKey
                .computeIfAbsent(c.recipient() + "\u0000" + c.text(), k -> new ArrayList<>())
                .add(c));
    List<Cause> causes = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro")) {
      for (List<Copy> same : byKey.values()) {
        if (same.size() < 2) {
          continue;
        }
        same.sort(java.util.Comparator.comparing(Copy::at));
        causes.add(explainOne(db, same, kills, sentAgain));
      }
    }
    return causes;
  }

  private static Cause explainOne(
      Connection db, List<Copy> same, List<Instant> kills, Map<String, Integer> sentAgain)
      throws SQLException {
    Copy first = same.get(0);
    String channel = first.recipient().substring(0, first.recipient().indexOf(':'));
    String who = first.recipient().substring(channel.length() + 1);
    List<String> rows = rows(db, channel, who, first.text());
    // The kill nearest the first copy: the moment is taken just before the signal is sent, so a
    // copy the platform took while the signal was on its way comes a little after it.
    Instant nextKill =
        kills.stream()
            .min(
                java.util.Comparator.comparing(
                    k -> Math.abs(Duration.between(first.at(), k).toMillis())))
            .orElse(null);
    long window =
        nextKill == null ? Long.MIN_VALUE : Duration.between(first.at(), nextKill).toMillis();
    List<String> resent =
        rows.stream()
            .map(r -> r.substring(0, r.indexOf(' ')))
            .filter(id -> sentAgain.containsKey(channel + ":" + id))
            .toList();
    boolean sameMessageId =
        first.messageId() != null
            && same.stream().allMatch(c -> first.messageId().equals(c.messageId()));
    String kind;
    if (rows.size() == 1 && resent.size() == 1) {
      kind = sameMessageId ? "resend (same Message-ID)" : "resend";
    } else if (rows.size() >= 2) {
      kind = "rehandled";
    } else {
      kind = "unexplained";
    }
    String detail =
        String.format(
            "%s x%d to %s, rows %s, sent again %s, copies at %s, nearest kill %s (%d ms after the"
                + " first copy): %s",
            channel,
            same.size(),
            who,
            rows,
            resent,
            same.stream().map(Copy::at).toList(),
            nextKill,
            window,
            first.text().lines().findFirst().orElse(""));
    return new Cause(kind, channel, detail, window);
  }

  /**
   * The window of every send, per channel: from the moment the platform took it to the moment the
   * bot wrote it down (the outbox's {@code sent_at}, taken as the journal line is written), matched
   * by the platform's id for the message. Printed as count, median, 90th and 99th percentile, the
   * largest, and the sum over the run: the sum divided by the run's length is how many sends a kill
   * at a moment drawn evenly from the run would find in their window.
   */
  static List<String> windows(List<Copy> copies, Path database) throws SQLException {
    Map<String, List<Long>> byChannel = new java.util.TreeMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro");
        PreparedStatement q =
            db.prepareStatement(
                "SELECT sent_at FROM outbox WHERE channel = ? AND channel_message_id = ?")) {
      for (Copy c : copies) {
        String channel = c.recipient().substring(0, c.recipient().indexOf(':'));
        if (c.messageId() == null || channel.equals("email")) {
          continue;
        }
        q.setString(1, channel);
        q.setString(2, c.messageId());
        try (ResultSet r = q.executeQuery()) {
          if (r.next() && r.getObject(1) != null) {
            long ms = r.getLong(1) - c.at().toEpochMilli();
            byChannel.computeIfAbsent(channel, k -> new ArrayList<>()).add(ms);
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    byChannel.forEach(
        (channel, ms) -> {
          java.util.Collections.sort(ms);
          long sum = ms.stream().mapToLong(Long::longValue).sum();
          lines.add(
              String.format(
                  "%s window (platform took it -> written down), %d sends: median %d ms, p90 %d,"
                      + " p99 %d, max %d, sum %d ms",
                  channel,
                  ms.size(),
                  ms.get(ms.size() / 2),
                  ms.get(ms.size() * 9 / 10),
                  ms.get(Math.min(ms.size() - 1, ms.size() * 99 / 100)),
                  ms.get(ms.size() - 1),
                  sum));
        });
    return lines;
  }

  /**
   * The outbox rows to the person that the copy's text came from, as "id status created sent
   * attempts": the row's text starts the copy (Signal adds the quick answers after it); for a mail,
   * its subject does, and when several rows have that subject (two match notices of one listing,
   * with different texts), those whose text the mail holds.
   */
  private static List<String> rows(Connection db, String channel, String who, String text)
      throws SQLException {
    if (!channel.equals("email")) {
      return rows(db, channel, who, text, false);
    }
    List<String> bySubject = rows(db, channel, who, text, false);
    if (bySubject.size() < 2) {
      return bySubject;
    }
    List<String> byText = rows(db, channel, who, text, true);
    return byText.isEmpty() ? bySubject : byText;
  }

  private static List<String> rows(
      Connection db, String channel, String who, String text, boolean mailText)
      throws SQLException {
    boolean email = channel.equals("email");
    String sql =
        "SELECT id, status, created_at, sent_at, attempts, text, subject FROM outbox"
            + " WHERE channel = ? AND recipient_id = ? ORDER BY id";
    List<String> rows = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, channel);
      q.setString(2, who);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          String start = email ? String.valueOf(r.getString("subject")) : r.getString("text");
          if (!text.startsWith(start)
              || (mailText
                  && !text.replace("\r\n", "\n")
                      .contains(String.valueOf(r.getString("text")).strip()))) {
            continue;
          }
          rows.add(
              r.getLong("id")
                  + " "
                  + r.getString("status")
                  + " created "
                  + Instant.ofEpochMilli(r.getLong("created_at"))
                  + " sent "
                  + (r.getObject("sent_at") == null
                      ? "-"
                      : Instant.ofEpochMilli(r.getLong("sent_at")).toString())
                  + " attempts "
                  + r.getInt("attempts"));
        }
      }
    }
    return rows;
  }

  /** "channel:outbox-id" of every entry a run logged as sent again, with how often. */
  private static Map<String, Integer> sentAgain(Path dir) throws IOException {
    Map<String, Integer> found = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
        for (String line : Files.readAllLines(log)) {
          Matcher m = SENT_AGAIN.matcher(line);
          if (m.find()) {
            found.merge(m.group(1) + ":" + m.group(2), 1, Integer::sum);
          }
        }
      }
    }
    return found;
  }
}
