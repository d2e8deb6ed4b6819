package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.millis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.aidbridge.bot.model.Channel;

/** Payloads kept the moment a channel read them, until they are handled (then deleted). */
final class RawInboundTable {
  private static final int MAX_ERROR_CHARS = 200;

  private final Database db;

  RawInboundTable(Database db) {
    this.db = db;
  }

  long insert(Channel channel, String payload, Instant at) {
    return db.insert(
        "INSERT INTO raw_inbound (channel, payload, received_at) VALUES (?, ?, ?)",
        channel.id(),
        payload,
        millis(at));
  }

  /**
   * Keeps what a killed run wrote down but may not have inserted ({@link RawJournal}), then empties
   * the journal. A payload inserted twice that way is handled once (the inbox knows its message).
   */
  void insertJournaled(RawJournal journal) {
    List<RawJournal.Kept> kept = journal.pending();
    if (!kept.isEmpty()) {
      db.inTransaction(
          () -> {
            kept.forEach(k -> insert(k.channel(), k.payload(), k.at()));
            return null;
          });
    }
    journal.clear();
  }

  List<RawInbound> due(Channel channel, Instant now, int limit) {
    return db.list(
        """
        SELECT id, channel, payload, received_at, attempts FROM raw_inbound
         WHERE channel = ? AND retry_at <= ? ORDER BY id LIMIT ?
        """,
        RawInboundTable::row,
        channel.id(),
        millis(now),
        limit);
  }

  /** Every payload of the channel after {@code afterId}, due or not, oldest first. */
  List<RawInbound> after(Channel channel, long afterId, int limit) {
    return db.list(
        """
        SELECT id, channel, payload, received_at, attempts FROM raw_inbound
         WHERE channel = ? AND id > ? ORDER BY id LIMIT ?
        """,
        RawInboundTable::row,
        channel.id(),
        afterId,
        limit);
  }

  int count(Channel channel) {
    return db.one(
            "SELECT count(*) FROM raw_inbound WHERE channel = ?",
            row -> row.getInt(1),
            channel.id())
        .orElse(0);
  }

  private static RawInbound row(ResultSet row) throws SQLException {
    return new RawInbound(
        row.getLong("id"),
        Channel.fromId(row.getString("channel")),
        row.getString("payload"),
        Columns.instant(row, "received_at"),
        row.getInt("attempts"));
  }

  void delete(long id) {
    db.update("DELETE FROM raw_inbound WHERE id = ?", id);
  }

  void retryLater(long id, Instant at, String error) {
    String kept =
        error == null || error.length() <= MAX_ERROR_CHARS
            ? error
            : error.substring(0, MAX_ERROR_CHARS);
    db.update(
        "UPDATE raw_inbound SET attempts = attempts + 1, retry_at = ?, last_error = ? WHERE id = ?",
        millis(at),
        kept,
        id);
  }
}
