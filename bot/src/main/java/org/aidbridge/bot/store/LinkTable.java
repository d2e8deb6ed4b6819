package org.aidbridge.bot.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;

/** Identities on several channels that one person linked together. */
final class LinkTable {
  private final Database db;

  LinkTable(Database db) {
    this.db = db;
  }

  void link(Address a, Address b) {
    db.inTransaction(
        () -> {
          db.lockForWriting("identity_links"); // a new person's number is the highest plus one
          Optional<Long> personA = personOf(a);
          Optional<Long> personB = personOf(b);
          long person = personA.or(() -> personB).orElseGet(this::newPerson);
          if (personA.isPresent() && personB.isPresent() && !personA.equals(personB)) {
            db.update(
                "UPDATE identity_links SET person_id = ? WHERE person_id = ?",
                person,
                personB.get());
          }
          put(a, person);
          put(b, person);
          return null;
        });
  }

  boolean unlink(Address a) {
    return db.update(
            "DELETE FROM identity_links WHERE address_channel = ? AND address_id = ?",
            a.channel().id(),
            a.id())
        > 0;
  }

  Set<Address> linkedWith(Address a) {
    Set<Address> all = new LinkedHashSet<>();
    all.add(a);
    personOf(a)
        .ifPresent(
            person ->
                all.addAll(
                    db.list(
                        "SELECT address_channel, address_id FROM identity_links WHERE person_id = ?"
                            + " ORDER BY address_channel, address_id",
                        row -> Address.person(Channel.fromId(row.getString(1)), row.getString(2)),
                        person)));
    return all;
  }

  /**
   * The identity and those linked with it on both sides proven (links made since codes travel to
   * the identity being linked). Links made before prove nothing and count here as no link.
   */
  Set<Address> provenLinkedWith(Address a) {
    Set<Address> all = new LinkedHashSet<>();
    all.add(a);
    db.one(
            "SELECT person_id FROM identity_links WHERE address_channel = ? AND address_id = ?"
                + " AND proven = 1",
            row -> row.getLong(1),
            a.channel().id(),
            a.id())
        .ifPresent(
            person ->
                all.addAll(
                    db.list(
                        "SELECT address_channel, address_id FROM identity_links"
                            + " WHERE person_id = ? AND proven = 1"
                            + " ORDER BY address_channel, address_id",
                        row -> Address.person(Channel.fromId(row.getString(1)), row.getString(2)),
                        person)));
    return all;
  }

  private Optional<Long> personOf(Address a) {
    return db.one(
        "SELECT person_id FROM identity_links WHERE address_channel = ? AND address_id = ?",
        row -> row.getLong(1),
        a.channel().id(),
        a.id());
  }

  private long newPerson() {
    List<Long> max =
        db.list("SELECT COALESCE(MAX(person_id), 0) FROM identity_links", row -> row.getLong(1));
    return max.get(0) + 1;
  }

  private void put(Address a, long person) {
    db.update(
        """
        INSERT INTO identity_links (address_channel, address_id, person_id, proven)
        VALUES (?, ?, ?, 1)
        ON CONFLICT (address_channel, address_id) DO UPDATE
           SET person_id = excluded.person_id, proven = excluded.proven
        """,
        a.channel().id(),
        a.id(),
        person);
  }
}
