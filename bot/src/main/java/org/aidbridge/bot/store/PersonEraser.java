package org.aidbridge.bot.store;

import java.util.List;
import java.util.regex.Pattern;
import org.aidbridge.bot.model.Address;

/**
 * Deletes everything the store keeps about one address (a person, or a group that leaves): what
 * they posted and its matches, what was sent to them (and their contact details sent to others by
 * consent), the messages they sent, their subscription, identity links and small durable values,
 * except a ban. Matched listings of other people that lose their only match are open again.
 */
final class PersonEraser {
  /** What the sender of a message still being handled becomes. */
  static final String FORGOTTEN = "forgotten";

  private final Database db;

  PersonEraser(Database db) {
    this.db = db;
  }

  void forget(Address who) {
    db.inTransaction(
        () -> {
          String channel = who.channel().id();
          String id = who.id();
          forgetListings(channel, id);
          forgetMessages(channel, id);
          db.update(
              "DELETE FROM subscriptions WHERE group_channel = ? AND group_id = ?", channel, id);
          db.update(
              "DELETE FROM digests_sent WHERE group_channel = ? AND group_id = ?", channel, id);
          db.update(
              "DELETE FROM unreachable WHERE address_channel = ? AND address_id = ?", channel, id);
          db.update(
              "DELETE FROM identity_links WHERE address_channel = ? AND address_id = ?",
              channel,
              id);
          forgetState(who.qualified());
          return null;
        });
  }

  private void forgetListings(String channel, String id) {
    String own = "SELECT id FROM listings WHERE author_channel = ? AND author_id = ?";
    List<Long> counterparts =
        db.list(
            "SELECT offer_id FROM matches WHERE need_id IN ("
                + own
                + ") UNION SELECT need_id FROM matches WHERE offer_id IN ("
                + own
                + ")",
            row -> row.getLong(1),
            channel,
            id,
            channel,
            id);
    db.update(
        "DELETE FROM matches WHERE need_id IN (" + own + ") OR offer_id IN (" + own + ")",
        channel,
        id,
        channel,
        id);
    for (String table : List.of("listing_categories", "renewal_prompts", "escalations")) {
      db.update("DELETE FROM " + table + " WHERE listing_id IN (" + own + ")", channel, id);
    }
    db.update("DELETE FROM listings WHERE author_channel = ? AND author_id = ?", channel, id);
    for (long other : counterparts) {
      db.update(
          """
          UPDATE listings SET status = 'OPEN'
           WHERE id = ? AND status = 'MATCHED'
             AND NOT EXISTS (SELECT 1 FROM matches WHERE need_id = ? OR offer_id = ?)
          """,
          other,
          other,
          other);
    }
  }

  /**
   * Messages from and to the address. A message of theirs still being handled (the one that asked
   * to be forgotten) cannot be deleted before it is marked handled, so it keeps only what tells it
   * apart from a redelivery, unless even that names them.
   */
  private void forgetMessages(String channel, String id) {
    db.update("DELETE FROM outbox WHERE channel = ? AND recipient_id = ?", channel, id);
    // Contact details shared by consent with the other side of a match go too.
    db.update("DELETE FROM outbox WHERE topic LIKE 'match:%' AND instr(text, ?) > 0", id);
    db.update(
        "UPDATE outbox SET in_reply_to = NULL WHERE channel = ? AND instr(in_reply_to, ?) > 0",
        channel,
        id);
    db.update(
        """
        DELETE FROM inbox
         WHERE processed = 1
           AND ((sender_channel = ? AND sender_id = ?) OR (group_channel = ? AND group_id = ?))
        """,
        channel,
        id,
        channel,
        id);
    db.update(
        """
        UPDATE inbox
           SET sender_id = ?, text = '', subject = NULL, language_hint = NULL, reply_to = NULL,
               channel_message_id = CASE WHEN instr(channel_message_id, ?) > 0
                                         THEN 'forgotten:' || id ELSE channel_message_id END
         WHERE processed = 0 AND sender_channel = ? AND sender_id = ?
        """,
        FORGOTTEN,
        id,
        channel,
        id);
  }

  /**
   * Durable values kept under or about the address: those whose key or value holds its qualified
   * form ({@code telegram:123}) as a whole word, such as {@code question:telegram:123} or a link
   * code's {@code telegram:123|expiry}. A ban ({@code banned:...}) is kept: forgetting must not be
   * a way around it.
   */
  private void forgetState(String qualified) {
    Pattern word = Pattern.compile("(?<![\\w@.+=-])" + Pattern.quote(qualified) + "(?![\\w@.+=-])");
    List<String> keys =
        db.list(
            """
            SELECT key, value FROM state
             WHERE (instr(key, ?) > 0 OR instr(value, ?) > 0) AND key NOT LIKE 'banned:%'
            """,
            row ->
                word.matcher(row.getString(1)).find() || word.matcher(row.getString(2)).find()
                    ? row.getString(1)
                    : null,
            qualified,
            qualified);
    for (String key : keys) {
      if (key != null) {
        db.update("DELETE FROM state WHERE key = ?", key);
      }
    }
  }
}
