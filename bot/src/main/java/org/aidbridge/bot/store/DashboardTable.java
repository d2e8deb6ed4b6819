package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.millis;

import java.time.Instant;
import java.util.Optional;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;

/** The dashboard's one-time sign-in links and sessions, kept by the hash of their secret. */
final class DashboardTable {
  private final Database db;

  DashboardTable(Database db) {
    this.db = db;
  }

  void saveLink(String tokenHash, Address person, Instant expiresAt) {
    db.update(
        "INSERT INTO dashboard_links (token_hash, person_channel, person_id, expires_at)"
            + " VALUES (?, ?, ?, ?)",
        tokenHash,
        person.channel().id(),
        person.id(),
        millis(expiresAt));
  }

  Optional<Address> useLink(String tokenHash, Instant now) {
    return db.inTransaction(
        () -> {
          Optional<Address> person =
              db.one(
                  "SELECT person_channel, person_id FROM dashboard_links"
                      + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                  row -> Address.person(Channel.fromId(row.getString(1)), row.getString(2)),
                  tokenHash,
                  millis(now));
          // Used or not, a link opened once never opens again; and only the one request that
          // marked it used opens it (two at once on PostgreSQL: one of them).
          int marked =
              db.update(
                  "UPDATE dashboard_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                  millis(now),
                  tokenHash);
          db.update(
              "DELETE FROM dashboard_links WHERE expires_at <= ?",
              millis(now.minusSeconds(86_400)));
          return marked > 0 ? person : Optional.<Address>empty();
        });
  }

  void saveSession(DashboardSession session) {
    db.update(
        """
        INSERT INTO dashboard_sessions
               (session_hash, person_channel, person_id, csrf_token, expires_at)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (session_hash) DO UPDATE
           SET person_channel = excluded.person_channel, person_id = excluded.person_id,
               csrf_token = excluded.csrf_token, expires_at = excluded.expires_at
        """,
        session.sessionHash(),
        session.person().channel().id(),
        session.person().id(),
        session.csrfToken(),
        millis(session.expiresAt()));
  }

  Optional<DashboardSession> session(String sessionHash, Instant now) {
    return db.one(
        "SELECT * FROM dashboard_sessions WHERE session_hash = ? AND expires_at > ?",
        row ->
            new DashboardSession(
                row.getString("session_hash"),
                Address.person(
                    Channel.fromId(row.getString("person_channel")), row.getString("person_id")),
                row.getString("csrf_token"),
                Columns.instant(row, "expires_at")),
        sessionHash,
        millis(now));
  }

  void deleteSession(String sessionHash) {
    db.update("DELETE FROM dashboard_sessions WHERE session_hash = ?", sessionHash);
  }

  /** A forgotten person's links and sessions end with them. */
  void forget(Address person) {
    for (String table : new String[] {"dashboard_links", "dashboard_sessions"}) {
      db.update(
          "DELETE FROM " + table + " WHERE person_channel = ? AND person_id = ?",
          person.channel().id(),
          person.id());
    }
  }
}
