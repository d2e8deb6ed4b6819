package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.flag;
import static org.aidbridge.bot.store.Columns.millis;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Choice;
import org.aidbridge.bot.model.OutboundMessage;

/** Every outbound message, stored before it is sent. */
final class OutboxTable {
  private static final TypeReference<List<Choice>> CHOICES = new TypeReference<>() {};

  /**
   * Pending entries whose time has come, and claimed ones whose lease ran out (their send was
   * interrupted), except those queued behind an earlier entry to the same recipient that must still
   * wait or is being sent: messages to one chat leave in the order they were queued.
   */
  static final String DUE_SQL =
      """
      SELECT * FROM outbox o
       WHERE o.channel = ? AND o.status IN ('PENDING', 'SENDING')
         AND (o.status = 'PENDING' OR o.lease_until <= ?) AND o.not_before <= ?
         AND NOT EXISTS (
             SELECT 1 FROM outbox e
              WHERE e.channel = o.channel AND e.recipient_id = o.recipient_id
                AND e.status IN ('PENDING', 'SENDING') AND e.id < o.id
                AND (e.not_before > ? OR (e.status = 'SENDING' AND e.lease_until > ?)))
       ORDER BY o.id
       LIMIT ?
      """;

  /** Claims a pending entry, or one whose lease ran out (counted as a resend). */
  private static final String CLAIM_SQL =
      """
      UPDATE outbox
         SET resends = resends + CASE WHEN status = 'SENDING' THEN 1 ELSE 0 END,
             status = 'SENDING', lease_until = ?
       WHERE id = ? AND (status = 'PENDING' OR (status = 'SENDING' AND lease_until <= ?))
      """;

  /**
   * The claim where several instances send from one outbox (PostgreSQL). An entry another instance
   * is claiming right now is skipped, not waited for ({@code SKIP LOCKED}); and an entry is not
   * claimed while an earlier one to the same recipient is still to send or being sent, so that what
   * one instance holds back for a recipient another does not send past. (With one instance, the
   * dispatcher keeps that order itself.)
   */
  private static final String CLAIM_SKIP_LOCKED_SQL =
      """
      UPDATE outbox
         SET resends = resends + CASE WHEN status = 'SENDING' THEN 1 ELSE 0 END,
             status = 'SENDING', lease_until = ?
       WHERE id = (
             SELECT o.id FROM outbox o
              WHERE o.id = ?
                AND (o.status = 'PENDING' OR (o.status = 'SENDING' AND o.lease_until <= ?))
                AND NOT EXISTS (
                    SELECT 1 FROM outbox e
                     WHERE e.channel = o.channel AND e.recipient_id = o.recipient_id
                       AND e.id < o.id
                       AND (e.status = 'PENDING'
                            OR (e.status = 'SENDING' AND e.lease_until > ?)))
                FOR UPDATE SKIP LOCKED)
      """;

  private static final String INSERT_COLUMNS =
      """
      INSERT INTO outbox (status, channel, recipient_id, recipient_is_group,
          subject, text, in_reply_to, topic, language, choices_json,
          created_at, not_before)
      VALUES\s""";
  private static final String ROW_VALUES = "('PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int COLUMNS_SET = 11;

  /** Rows in one INSERT at most: each statement's SQL is prepared once per number of rows. */
  static final int ROWS_PER_INSERT = 16;

  private static final String[] INSERT_ROWS =
      MultiRowInserts.upTo(ROWS_PER_INSERT, INSERT_COLUMNS, ROW_VALUES, "");

  private final Database db;

  OutboxTable(Database db) {
    this.db = db;
  }

  OutboxEntry enqueue(OutboundMessage m, Instant now) {
    return db.inTransaction(
        () -> {
          long id = db.insert(INSERT_ROWS[0], values(List.of(m), now));
          return new OutboxEntry(id, m, OutboxStatus.PENDING, now, now, 0, null);
        });
  }

  /**
   * Queues several messages, all or none, in this order (their ids rising), with one INSERT of
   * several rows for up to {@link #ROWS_PER_INSERT} of them: the answers of one message cost one
   * statement instead of one each, and no savepoint (one statement is atomic by itself).
   */
  void enqueueAll(List<OutboundMessage> messages, Instant now) {
    if (messages.size() <= ROWS_PER_INSERT) {
      insertRows(messages, now);
      return;
    }
    db.inTransaction(
        () -> {
          for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
            insertRows(
                messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT)), now);
          }
          return null;
        });
  }

  private void insertRows(List<OutboundMessage> messages, Instant now) {
    if (!messages.isEmpty()) {
      db.update(INSERT_ROWS[messages.size() - 1], values(messages, now));
    }
  }

  /** The parameters of one row per message, in the order of {@link #ROW_VALUES}. */
  private static Object[] values(List<OutboundMessage> messages, Instant now) {
    Object[] values = new Object[messages.size() * COLUMNS_SET];
    Long at = millis(now);
    int i = 0;
    for (OutboundMessage m : messages) {
      Address to = m.to();
      values[i++] = to.channel().id();
      values[i++] = to.id();
      values[i++] = flag(to.group());
      values[i++] = m.subject();
      values[i++] = m.text();
      values[i++] = m.inReplyTo();
      values[i++] = m.topic();
      values[i++] = m.language();
      // Most messages offer no quick answers: no JSON writer needed for them.
      values[i++] = m.choices().isEmpty() ? "[]" : Columns.json(m.choices());
      values[i++] = at;
      values[i++] = at;
    }
    return values;
  }

  List<OutboxEntry> due(Channel channel, Instant now, int limit) {
    long at = millis(now);
    return db.list(DUE_SQL, OutboxTable::read, channel.id(), at, at, at, at, limit);
  }

  boolean claim(long id, Instant now, Instant leaseUntil) {
    long at = millis(now);
    if (db.dialect() == Dialect.POSTGRESQL) {
      return db.update(CLAIM_SKIP_LOCKED_SQL, millis(leaseUntil), id, at, at) > 0;
    }
    return db.update(CLAIM_SQL, millis(leaseUntil), id, at) > 0;
  }

  void renew(long id, Instant leaseUntil) {
    long until = millis(leaseUntil);
    db.update(
        "UPDATE outbox SET lease_until = ? WHERE id = ? AND status = 'SENDING' AND lease_until < ?",
        until,
        id,
        until);
  }

  void release(long id, String reason) {
    db.update(
        """
        UPDATE outbox SET status = 'PENDING', lease_until = NULL, last_error = ?
         WHERE id = ? AND status = 'SENDING'
        """,
        reason,
        id);
  }

  void recordFailure(long id, Instant notBefore, String reason) {
    change(
        id,
        """
        UPDATE outbox
           SET status = 'PENDING', lease_until = NULL, attempts = attempts + 1,
               not_before = ?, last_error = ?
         WHERE id = ?
        """,
        millis(notBefore),
        reason,
        id);
  }

  void markDeadLetter(long id, String reason) {
    change(
        id,
        """
        UPDATE outbox
           SET status = 'DEAD_LETTER', lease_until = NULL, attempts = attempts + 1, last_error = ?
         WHERE id = ?
        """,
        reason,
        id);
  }

  List<DeadLetter> deadLetters(int limit) {
    return db.list(
        "SELECT * FROM outbox WHERE status = 'DEAD_LETTER' ORDER BY id LIMIT ?",
        row ->
            new DeadLetter(
                row.getLong("id"),
                Channel.fromId(row.getString("channel")),
                flag(row, "recipient_is_group"),
                Columns.instant(row, "created_at"),
                row.getInt("attempts"),
                row.getString("last_error")),
        limit);
  }

  boolean retryDeadLetter(long id, Instant now) {
    return db.update(
            """
            UPDATE outbox SET status = 'PENDING', attempts = 0, not_before = ?
             WHERE id = ? AND status = 'DEAD_LETTER'
            """,
            millis(now),
            id)
        > 0;
  }

  int resendsOf(long id) {
    return db.one("SELECT resends FROM outbox WHERE id = ?", row -> row.getInt(1), id).orElse(0);
  }

  /**
   * The backlog in one pass over the table. SENDING (claimed, send unconfirmed) and DEAD_LETTER are
   * the outbox lease's states: counted when present, so this query holds before and after them.
   */
  OutboxBacklog backlog() {
    return db.one(
            """
            SELECT COALESCE(SUM(CASE WHEN status IN ('PENDING', 'SENDING') THEN 1 END), 0)
                     AS depth,
                   MIN(CASE WHEN status IN ('PENDING', 'SENDING') THEN created_at END) AS oldest,
                   COALESCE(SUM(CASE WHEN status = 'DEAD_LETTER' THEN 1 END), 0) AS dead
              FROM outbox
             WHERE status IN ('PENDING', 'SENDING', 'DEAD_LETTER')
            """,
            row -> {
              long oldest = row.getLong("oldest");
              Instant oldestAt = row.wasNull() ? null : Instant.ofEpochMilli(oldest);
              return new OutboxBacklog(row.getLong("depth"), oldestAt, row.getLong("dead"));
            })
        .orElse(new OutboxBacklog(0, null, 0));
  }

  void markSent(long id, String channelMessageId, Instant at) {
    change(
        id,
        """
        UPDATE outbox SET status = 'SENT', lease_until = NULL, channel_message_id = ?, sent_at = ?
         WHERE id = ?
        """,
        channelMessageId,
        millis(at),
        id);
  }

  /**
   * Marks SENT what an earlier run wrote down as sent but may not have marked before it was killed
   * ({@link SentJournal}), then empties the journal. Runs when the store opens, before anything is
   * sent; an entry marked meanwhile or deleted since is left as it is, and so is a newer entry that
   * took a deleted one's id (queued after that send: {@code created_at} tells them apart).
   */
  void recordJournaled(SentJournal journal) {
    List<SentJournal.Sent> sends = journal.pending();
    if (!sends.isEmpty()) {
      db.inTransaction(
          () -> {
            for (SentJournal.Sent s : sends) {
              db.update(
                  """
                  UPDATE outbox
                     SET status = 'SENT', lease_until = NULL, channel_message_id = ?, sent_at = ?
                   WHERE id = ? AND status IN ('PENDING', 'SENDING') AND created_at <= ?
                  """,
                  s.channelMessageId(),
                  millis(s.at()),
                  s.outboxId(),
                  millis(s.at()));
            }
            return null;
          });
    }
    journal.clear();
  }

  void markUndeliverable(long id, String reason) {
    change(
        id,
        "UPDATE outbox SET status = 'UNDELIVERABLE', lease_until = NULL, last_error = ? WHERE id = ?",
        reason,
        id);
  }

  void deferRecipient(Address to, Instant notBefore, String reason) {
    db.update(
        """
        UPDATE outbox
           SET not_before = CASE WHEN not_before > ? THEN not_before ELSE ? END, last_error = ?,
               status = 'PENDING', lease_until = NULL
         WHERE channel = ? AND recipient_id = ? AND status IN ('PENDING', 'SENDING')
        """,
        millis(notBefore),
        millis(notBefore),
        reason,
        to.channel().id(),
        to.id());
  }

  Optional<OutboxEntry> sent(Channel channel, String channelMessageId) {
    return db.one(
        """
        SELECT * FROM outbox
         WHERE channel = ? AND channel_message_id = ? AND status = 'SENT'
         ORDER BY id DESC LIMIT 1
        """,
        OutboxTable::read,
        channel.id(),
        channelMessageId);
  }

  Optional<OutboxEntry> byId(long id) {
    return db.one("SELECT * FROM outbox WHERE id = ?", OutboxTable::read, id);
  }

  /** Entries not yet sent to {@code from} go to {@code to} instead. */
  void movePending(Address from, Address to) {
    db.update(
        """
        UPDATE outbox SET channel = ?, recipient_id = ?, recipient_is_group = ?
         WHERE channel = ? AND recipient_id = ?
           AND status IN ('PENDING', 'SENDING', 'DEAD_LETTER')
        """,
        to.channel().id(),
        to.id(),
        flag(to.group()),
        from.channel().id(),
        from.id());
  }

  private void change(long id, String sql, Object... params) {
    if (db.update(sql, params) == 0) {
      throw new StoreException("no outbox entry with id " + id);
    }
  }

  private static OutboxEntry read(ResultSet row) throws SQLException {
    Address to =
        new Address(
            Channel.fromId(row.getString("channel")),
            row.getString("recipient_id"),
            flag(row, "recipient_is_group"));
    OutboundMessage message =
        new OutboundMessage(
            to,
            row.getString("subject"),
            row.getString("text"),
            row.getString("in_reply_to"),
            row.getString("topic"),
            row.getString("language"),
            Columns.fromJson(row, "choices_json", CHOICES));
    return new OutboxEntry(
        row.getLong("id"),
        message,
        Columns.enumValue(row, "status", OutboxStatus.class),
        Columns.instant(row, "created_at"),
        Columns.instant(row, "not_before"),
        row.getInt("attempts"),
        row.getString("channel_message_id"));
  }

  /** Messages to people (not groups) about a topic, whatever became of them. */
  int personalMessagesAbout(String topic) {
    return db.one(
            "SELECT COUNT(*) FROM outbox WHERE topic = ? AND recipient_is_group = 0",
            row -> row.getInt(1),
            topic)
        .orElse(0);
  }

  Optional<Instant> lastSentTo(Address recipient) {
    return db.one(
        "SELECT sent_at FROM outbox WHERE channel = ? AND recipient_id = ? AND status = 'SENT'"
            + " ORDER BY sent_at DESC LIMIT 1",
        row -> Columns.instant(row, "sent_at"),
        recipient.channel().id(),
        recipient.id());
  }

  List<OutboxSummary> summary() {
    return db.list(
        """
        SELECT channel,
               SUM(CASE WHEN status IN ('PENDING', 'SENDING') THEN 1 ELSE 0 END) AS pending,
               MIN(CASE WHEN status IN ('PENDING', 'SENDING') THEN created_at END) AS oldest,
               SUM(CASE WHEN status IN ('UNDELIVERABLE', 'DEAD_LETTER') THEN 1 ELSE 0 END)
                 AS undeliverable
          FROM outbox GROUP BY channel ORDER BY channel
        """,
        row ->
            new OutboxSummary(
                Channel.fromId(row.getString("channel")),
                row.getLong("pending"),
                Columns.instant(row, "oldest"),
                row.getLong("undeliverable")));
  }
}
