package org.aidbridge.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.aidbridge.bot.store.SqliteStore;

/**
 * Fills a database with what a busy day leaves for the retention a month later: handled inbound
 * messages and the answers sent to them, of a realistic size, spread over one day that ended 31
 * days before {@code now} (so all of it is older than the 30 days kept by default).
 */
final class OldMessages {
  private static final String TEXT =
      "Necesito arroz, aceite y pañales para dos familias en el barrio de la estación, Valencia."
          + " Llamar por la tarde. Gracias a quien pueda ayudar.";

  private OldMessages() {}

  static void add(Path file, int count, Instant now) throws SQLException {
    SqliteStore.open(file.toString()).close(); // the schema
    long dayEnd = now.minus(Duration.ofDays(31)).toEpochMilli();
    long dayStart = dayEnd - Duration.ofDays(1).toMillis();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      db.setAutoCommit(false);
      insert(db, inbox(), count, dayStart, dayEnd);
      insert(db, outbox(), count, dayStart, dayEnd);
      db.commit();
    }
    System.out.printf("added %d handled inbound messages and %d sent answers%n", count, count);
  }

  private static void insert(Connection db, String sql, int count, long from, long to)
      throws SQLException {
    try (PreparedStatement row = db.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        long at = from + (to - from) * i / count;
        row.setString(1, "m" + i);
        row.setString(2, "person" + (i % 20_000) + "@example.org");
        row.setString(3, TEXT);
        row.setLong(4, at);
        row.addBatch();
        if (i % 10_000 == 9_999) {
          row.executeBatch();
        }
      }
      row.executeBatch();
    }
  }

  private static String inbox() {
    return """
        INSERT INTO inbox (channel, channel_message_id, sender_channel, sender_id, sender_is_group,
                           text, addressed_to_bot, sender_is_group_admin, received_at, processed)
        VALUES ('email', ?1, 'email', ?2, 0, ?3, 1, 0, ?4, 1)
        """;
  }

  private static String outbox() {
    return """
        INSERT INTO outbox (status, channel, channel_message_id, recipient_id, recipient_is_group,
                            text, language, choices_json, created_at, not_before, sent_at)
        VALUES ('SENT', 'email', ?1, ?2, 0, ?3, 'es', '[]', ?4, ?4, ?4)
        """;
  }
}
