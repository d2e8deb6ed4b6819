package org.aidbridge.bot.store;

import java.util.List;
import org.aidbridge.bot.model.Address;

/**
 * Deletes everything the store keeps about one address (a person, or a group that leaves): what
 * they posted and its matches, every message about their listings (to anyone, so their words
 * relayed to others and their contact details shared by consent go too), what was sent to them, the
 * messages they sent, identity links, waiting questions and counts, and a group's subscription and
 * digests; not a ban. Matched listings of other people that lose their only match are open again. A
 * person is never a group: an email list may share a person's address, and forgetting the person
 * leaves the list's subscription, its mail and its marks alone.
 *
 * <p>Every match is exact: an address is its channel and id compared whole, a message about a
 * listing is found by the listing's topic, never by searching text for an id (a short id is part of
 * many other strings).
 */
final class PersonEraser {
  /** What the sender of a message still being handled becomes. */
  static final String FORGOTTEN = "forgotten";

  /** Tables keyed by an address in columns {@code address_channel} and {@code address_id}. */
  private static final List<String> KEYED_BY_ADDRESS =
      List.of("identity_links", "pending_questions", "relay_counts", "broadcast_drafts");

  private final Database db;

  PersonEraser(Database db) {
    this.db = db;
  }

  void forget(Address who) {
    db.inTransaction(
        () -> {
          String channel = who.channel().id();
          String id = who.id();
          forgetMessagesAboutTheirListings(channel, id);
          forgetListings(channel, id);
          forgetMessages(channel, id, who.group());
          if (who.group()) {
            forgetGroup(channel, id);
          }
          // A list (or group) may share the person's address: its mark is not theirs.
          db.update(
              "DELETE FROM unreachable WHERE address_channel = ? AND address_id = ?"
                  + " AND address_is_group = ?",
              channel,
              id,
              who.group() ? 1 : 0);
          for (String table : KEYED_BY_ADDRESS) {
            db.update(
                "DELETE FROM " + table + " WHERE address_channel = ? AND address_id = ?",
                channel,
                id);
          }
          forgetState(who.qualified());
          return null;
        });
  }

  /**
   * What only a group has: its subscription and the digests it was sent. An email list's address
   * may also be a person's, so forgetting the person never reaches these.
   */
  private void forgetGroup(String channel, String id) {
    db.update("DELETE FROM subscriptions WHERE group_channel = ? AND group_id = ?", channel, id);
    db.update("DELETE FROM digests_sent WHERE group_channel = ? AND group_id = ?", channel, id);
  }

  /**
   * Messages to anyone, sent or waiting, about a match or a listing of theirs: a relayed message
   * they wrote, their contact details, a group's notice of their listing. What was already sent is
   * out of the bot's hands; its copy here goes.
   */
  private void forgetMessagesAboutTheirListings(String channel, String id) {
    String own = "SELECT id FROM listings WHERE author_channel = ? AND author_id = ?";
    db.update(
        "DELETE FROM outbox WHERE topic IN (SELECT 'match:' || need_id || ':' || offer_id"
            + " FROM matches WHERE need_id IN ("
            + own
            + ") OR offer_id IN ("
            + own
            + "))",
        channel,
        id,
        channel,
        id);
    db.update(
        "DELETE FROM outbox WHERE topic IN (SELECT 'listing:' || ref FROM listings"
            + " WHERE author_channel = ? AND author_id = ?)",
        channel,
        id);
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
   * apart from a redelivery, unless even that names them: a Signal or Telegram message id that
   * begins with their id, or any mail's Message-ID (which may hold the address).
   */
  private void forgetMessages(String channel, String id, boolean group) {
    int isGroup = group ? 1 : 0;
    db.update(
        "DELETE FROM outbox WHERE channel = ? AND recipient_id = ? AND recipient_is_group = ?",
        channel,
        id,
        isGroup);
    db.update(
        """
        UPDATE outbox SET in_reply_to = NULL
         WHERE channel = ?
           AND (substr(in_reply_to, 1, length(?) + 1) = ? || ':'
                OR in_reply_to IN (SELECT channel_message_id FROM inbox
                                    WHERE sender_channel = ? AND sender_id = ?))
        """,
        channel,
        id,
        id,
        channel,
        id);
    db.update(
        """
        DELETE FROM inbox
         WHERE processed = 1
           AND ((sender_channel = ? AND sender_id = ?)
                OR (? = 1 AND group_channel = ? AND group_id = ?))
        """,
        channel,
        id,
        isGroup,
        channel,
        id);
    db.update(
        """
        UPDATE inbox
           SET sender_id = ?, text = '', subject = NULL, language_hint = NULL, reply_to = NULL,
               channel_message_id =
                 CASE WHEN channel = 'email' OR channel_message_id = ?
                           OR substr(channel_message_id, 1, length(?) + 1) = ? || ':'
                      THEN 'forgotten:' || id ELSE channel_message_id END
         WHERE processed = 0 AND sender_channel = ? AND sender_id = ?
        """,
        FORGOTTEN,
        id,
        id,
        id,
        channel,
        id);
  }

  /**
   * Durable values a channel keeps under or about the address: a key that ends with its qualified
   * form ({@code something:telegram:123}), or a value that is it or begins with it and a bar (a
   * link code's {@code telegram:123|expiry}). Compared whole, so {@code telegram:1234} is another.
   */
  private void forgetState(String qualified) {
    db.update(
        """
        DELETE FROM state
         WHERE substr(key, length(key) - length(?)) = ':' || ?
            OR value = ? OR substr(value, 1, length(?) + 1) = ? || '|'
        """,
        qualified,
        qualified,
        qualified,
        qualified,
        qualified);
  }
}
