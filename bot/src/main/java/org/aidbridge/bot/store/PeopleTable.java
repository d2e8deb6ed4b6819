package org.aidbridge.bot.store;

import java.time.Instant;
import org.aidbridge.bot.model.Address;

/** Facts about one identity that outlive a conversation: a ban, and how much they relayed. */
final class PeopleTable {
  private final Database db;

  PeopleTable(Database db) {
    this.db = db;
  }

  void ban(Address person, Instant at) {
    db.update(
        "INSERT INTO bans (address_channel, address_id, banned_at) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        person.channel().id(),
        person.id(),
        at.toEpochMilli());
  }

  boolean isBanned(Address person) {
    return db.one(
            "SELECT 1 FROM bans WHERE address_channel = ? AND address_id = ?",
            row -> 1,
            person.channel().id(),
            person.id())
        .isPresent();
  }

  int relaysIn(Address person, long hour) {
    return db.one(
            """
            SELECT relays FROM relay_counts
             WHERE address_channel = ? AND address_id = ? AND hour = ?
            """,
            row -> row.getInt(1),
            person.channel().id(),
            person.id(),
            hour)
        .orElse(0);
  }

  /** Counts one relay in the hour; a count from an earlier hour starts over. */
  void countRelay(Address person, long hour) {
    db.update(
        """
        INSERT INTO relay_counts (address_channel, address_id, hour, relays) VALUES (?, ?, ?, 1)
        ON CONFLICT (address_channel, address_id) DO UPDATE
           SET relays = CASE WHEN relay_counts.hour = excluded.hour
                             THEN relay_counts.relays + 1 ELSE 1 END,
               hour = excluded.hour
        """,
        person.channel().id(),
        person.id(),
        hour);
  }
}
