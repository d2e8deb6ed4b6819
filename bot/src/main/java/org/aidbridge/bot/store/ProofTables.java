package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.millis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.Proof;

/** What proving a sender takes: link codes and pending confirmations. */
final class ProofTables {
  private final Database db;

  ProofTables(Database db) {
    this.db = db;
  }

  void saveLinkCode(LinkCode code) {
    Address target = code.target();
    db.update(
        """
        INSERT INTO link_codes (code, requester_channel, requester_id, target_channel, target_id,
            expires_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE
           SET requester_channel = excluded.requester_channel,
               requester_id = excluded.requester_id, target_channel = excluded.target_channel,
               target_id = excluded.target_id, expires_at = excluded.expires_at
        """,
        code.code(),
        code.requester().channel().id(),
        code.requester().id(),
        target == null ? null : target.channel().id(),
        target == null ? null : target.id(),
        millis(code.expiresAt()));
  }

  Optional<LinkCode> linkCode(String code) {
    return db.one("SELECT * FROM link_codes WHERE code = ?", ProofTables::linkCode, code);
  }

  Optional<LinkCode> takeLinkCode(String code) {
    return db.inTransaction(
        () -> {
          Optional<LinkCode> found =
              db.one("SELECT * FROM link_codes WHERE code = ?", ProofTables::linkCode, code);
          // Only whoever deleted it has taken it: a code is used once, even by two at once.
          return found.filter(c -> db.update("DELETE FROM link_codes WHERE code = ?", code) > 0);
        });
  }

  long savePendingConfirmation(InboundMessage m, Instant expiresAt) {
    return db.insert(
        "INSERT INTO pending_confirmations (sender_channel, sender_id, channel_message_id, text,"
            + " subject, language_hint, reply_to, received_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.sender().channel().id(),
        m.sender().id(),
        m.channelMessageId(),
        m.text(),
        m.subject(),
        m.languageHint(),
        m.replyTo(),
        millis(m.receivedAt()),
        millis(expiresAt));
  }

  Optional<PendingConfirmation> pendingConfirmation(long id) {
    return db.one(
        "SELECT * FROM pending_confirmations WHERE id = ?", ProofTables::confirmation, id);
  }

  Optional<PendingConfirmation> takePendingConfirmation(long id) {
    return db.inTransaction(
        () -> {
          Optional<PendingConfirmation> found =
              db.one(
                  "SELECT * FROM pending_confirmations WHERE id = ?",
                  ProofTables::confirmation,
                  id);
          return found.filter(
              c -> db.update("DELETE FROM pending_confirmations WHERE id = ?", id) > 0);
        });
  }

  /** Forgetting a person: their codes and waiting confirmations go too. */
  void forget(Address who) {
    String channel = who.channel().id();
    db.update(
        "DELETE FROM pending_confirmations WHERE sender_channel = ? AND sender_id = ?",
        channel,
        who.id());
    db.update(
        "DELETE FROM link_codes WHERE (requester_channel = ? AND requester_id = ?)"
            + " OR (target_channel = ? AND target_id = ?)",
        channel,
        who.id(),
        channel,
        who.id());
  }

  /** Codes and confirmations whose time is up. */
  int deleteExpired(Instant now) {
    return db.update("DELETE FROM link_codes WHERE expires_at < ?", millis(now))
        + db.update("DELETE FROM pending_confirmations WHERE expires_at < ?", millis(now));
  }

  private static LinkCode linkCode(ResultSet row) throws SQLException {
    String targetId = row.getString("target_id");
    return new LinkCode(
        row.getString("code"),
        Address.person(
            Channel.fromId(row.getString("requester_channel")), row.getString("requester_id")),
        targetId == null
            ? null
            : Address.person(Channel.fromId(row.getString("target_channel")), targetId),
        Columns.instant(row, "expires_at"));
  }

  private static PendingConfirmation confirmation(ResultSet row) throws SQLException {
    Address sender =
        Address.person(Channel.fromId(row.getString("sender_channel")), row.getString("sender_id"));
    InboundMessage message =
        new InboundMessage(
                sender.channel(),
                row.getString("channel_message_id"),
                sender,
                null,
                row.getString("text"),
                row.getString("subject"),
                row.getString("language_hint"),
                row.getString("reply_to"),
                true,
                false,
                Columns.instant(row, "received_at"))
            .withProof(Proof.NONE);
    return new PendingConfirmation(row.getLong("id"), message, Columns.instant(row, "expires_at"));
  }
}
