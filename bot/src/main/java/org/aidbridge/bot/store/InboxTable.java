package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.flag;
import static org.aidbridge.bot.store.Columns.millis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Proof;

/** Every inbound message, stored before it is acted on. */
final class InboxTable {
  private final Database db;

  InboxTable(Database db) {
    this.db = db;
  }

  /**
   * Stores the message unless it is known (the same channel and message id): one statement, atomic
   * by itself, so no savepoint inside a batch's transaction; a known message inserts nothing, and
   * no query asks first.
   */
  OptionalLong record(InboundMessage m) {
    Address group = m.group();
    return db.insertIfNew(
        """
        INSERT INTO inbox (channel, channel_message_id,
            sender_channel, sender_id, sender_is_group,
            group_channel, group_id, group_is_group,
            text, subject, language_hint, reply_to,
            addressed_to_bot, sender_is_group_admin, received_at, sender_authenticated,
            sender_proof, text_cut, attachment_skipped)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (channel, channel_message_id) DO NOTHING
        """,
        m.channel().id(),
        m.channelMessageId(),
        m.sender().channel().id(),
        m.sender().id(),
        flag(m.sender().group()),
        group == null ? null : group.channel().id(),
        group == null ? null : group.id(),
        group == null ? null : flag(group.group()),
        m.text(),
        m.subject(),
        m.languageHint(),
        m.replyTo(),
        flag(m.addressedToBot()),
        flag(m.senderIsGroupAdmin()),
        millis(m.receivedAt()),
        flag(m.senderProof() != Proof.NONE),
        m.senderProof().id(),
        flag(m.textCut()),
        flag(m.attachmentSkipped()));
  }

  List<StoredInbound> unprocessed(int limit) {
    return db.list(
        "SELECT * FROM inbox WHERE processed = 0 ORDER BY id LIMIT ?", InboxTable::read, limit);
  }

  List<StoredInbound> due(java.time.Instant now, int limit) {
    return db.list(
        "SELECT * FROM inbox WHERE processed = 0 AND retry_at <= ? ORDER BY id LIMIT ?",
        InboxTable::read,
        millis(now),
        limit);
  }

  int retryLater(long id, java.time.Instant at, boolean countAttempt) {
    return db.inTransaction(
        () -> {
          db.update(
              "UPDATE inbox SET attempts = attempts + ?, retry_at = ? WHERE id = ?",
              countAttempt ? 1 : 0,
              millis(at),
              id);
          return db.one("SELECT attempts FROM inbox WHERE id = ?", row -> row.getInt(1), id)
              .orElseThrow(() -> new StoreException("no inbox entry with id " + id));
        });
  }

  boolean giveUp(long id) {
    return settle(id, 2);
  }

  boolean markProcessed(long id) {
    return settle(id, 1);
  }

  /**
   * Moves a pending entry to {@code state}; false when it was no longer pending. Without a
   * savepoint of its own (as {@link #record}): inside a transaction it is the handling's, which
   * commits the mark with the decision and outbox rows, or undoes them all.
   */
  private boolean settle(long id, int state) {
    return db.atomically(
        () -> {
          if (db.update("UPDATE inbox SET processed = ? WHERE id = ? AND processed = 0", state, id)
              == 1) {
            return true;
          }
          if (db.one("SELECT 1 FROM inbox WHERE id = ?", row -> 1, id).isEmpty()) {
            throw new StoreException("no inbox entry with id " + id);
          }
          return false;
        });
  }

  private static StoredInbound read(ResultSet row) throws SQLException {
    InboundMessage message =
        new InboundMessage(
            Channel.fromId(row.getString("channel")),
            row.getString("channel_message_id"),
            Columns.address(row, "sender"),
            Columns.address(row, "group"),
            row.getString("text"),
            row.getString("subject"),
            row.getString("language_hint"),
            row.getString("reply_to"),
            flag(row, "addressed_to_bot"),
            flag(row, "sender_is_group_admin"),
            Columns.instant(row, "received_at"),
            Proof.fromId(row.getString("sender_proof")),
            // The stored text is already capped, so only this column still says it was cut.
            flag(row, "text_cut"),
            flag(row, "attachment_skipped"));
    return new StoredInbound(row.getLong("id"), message);
  }
}
