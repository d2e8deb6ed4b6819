package org.aidbridge.bot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Place;

/**
 * What a conversation with the bot leaves waiting: the bot's questions, consent to swap contact
 * details, and coordinators' broadcast drafts. Each is taken (deleted) when used.
 */
final class ConversationTable {
  private final Database db;

  ConversationTable(Database db) {
    this.db = db;
  }

  void ask(Address person, PendingQuestion question, Instant at) {
    db.update(
        """
        INSERT INTO pending_questions
               (address_channel, address_id, topic, question, listing_id, asked_at, text)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (address_channel, address_id, topic) DO UPDATE
           SET question = excluded.question, listing_id = excluded.listing_id,
               asked_at = excluded.asked_at, text = excluded.text
        """,
        person.channel().id(),
        person.id(),
        question.topic().name(),
        question.asked().name(),
        question.listingId(),
        at.toEpochMilli(),
        question.text());
  }

  /**
   * Takes the question pending for the person on this topic, in one statement: only whoever deletes
   * the row gets it (two at once on PostgreSQL: one of them), and a message with nothing pending,
   * most of them, costs one statement and no savepoint.
   */
  Optional<PendingQuestion> take(Address person, PendingQuestion.Topic topic) {
    return db.atomically(
        () ->
            db.one(
                """
                DELETE FROM pending_questions
                 WHERE address_channel = ? AND address_id = ? AND topic = ?
                RETURNING question, listing_id, text
                """,
                ConversationTable::question,
                person.channel().id(),
                person.id(),
                topic.name()));
  }

  Set<Kind> shareConsents(long needId, long offerId) {
    Set<Kind> sides = EnumSet.noneOf(Kind.class);
    sides.addAll(
        db.list(
            "SELECT side FROM share_consents WHERE need_id = ? AND offer_id = ?",
            row -> Kind.valueOf(row.getString(1)),
            needId,
            offerId));
    return sides;
  }

  void consentToShare(long needId, long offerId, Kind side, Instant at) {
    db.update(
        """
        INSERT INTO share_consents (need_id, offer_id, side, given_at)
        VALUES (?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """,
        needId,
        offerId,
        side.name(),
        at.toEpochMilli());
  }

  void saveDraft(Address coordinator, BroadcastDraft draft) {
    Place area = draft.area();
    db.update(
        """
        INSERT INTO broadcast_drafts
               (address_channel, address_id, area_name, area_lat, area_lon, category, text,
                expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (address_channel, address_id) DO UPDATE
           SET area_name = excluded.area_name, area_lat = excluded.area_lat,
               area_lon = excluded.area_lon, category = excluded.category, text = excluded.text,
               expires_at = excluded.expires_at
        """,
        coordinator.channel().id(),
        coordinator.id(),
        area == null ? null : area.display(),
        area == null ? null : area.lat(),
        area == null ? null : area.lon(),
        draft.category() == null ? null : draft.category().id(),
        draft.text(),
        draft.expiresAt().toEpochMilli());
  }

  Optional<BroadcastDraft> takeDraft(Address coordinator) {
    return db.inTransaction(
        () -> {
          Object[] key = {coordinator.channel().id(), coordinator.id()};
          Optional<BroadcastDraft> found =
              db.one(
                  "SELECT * FROM broadcast_drafts WHERE address_channel = ? AND address_id = ?",
                  ConversationTable::draft,
                  key);
          int taken =
              db.update(
                  "DELETE FROM broadcast_drafts WHERE address_channel = ? AND address_id = ?", key);
          return taken > 0 ? found : Optional.<BroadcastDraft>empty();
        });
  }

  private static PendingQuestion question(ResultSet row) throws SQLException {
    long listing = row.getLong("listing_id");
    Long listingId = row.wasNull() ? null : listing;
    return new PendingQuestion(
        PendingQuestion.Asked.valueOf(row.getString("question")), listingId, row.getString("text"));
  }

  private static BroadcastDraft draft(ResultSet row) throws SQLException {
    String name = row.getString("area_name");
    Place area =
        name == null
            ? null
            : new Place(
                name,
                name,
                null,
                Columns.decimal(row, "area_lat"),
                Columns.decimal(row, "area_lon"));
    String category = row.getString("category");
    return new BroadcastDraft(
        area,
        category == null ? null : Category.fromId(category).orElse(null),
        row.getString("text"),
        Columns.instant(row, "expires_at"));
  }
}
