package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.flag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;

/** Group subscriptions and unreachable addresses. */
final class GroupTable {
  private final Database db;

  GroupTable(Database db) {
    this.db = db;
  }

  void save(Subscription s) {
    Address group = s.group();
    Place center = s.center();
    db.update(
        """
        INSERT INTO subscriptions (group_channel, group_id, group_is_group,
            center_text, center_name, center_country, center_lat, center_lon,
            radius_km, categories, language)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (group_channel, group_id) DO UPDATE
           SET group_is_group = excluded.group_is_group, center_text = excluded.center_text,
               center_name = excluded.center_name, center_country = excluded.center_country,
               center_lat = excluded.center_lat, center_lon = excluded.center_lon,
               radius_km = excluded.radius_km, categories = excluded.categories,
               language = excluded.language
        """,
        group.channel().id(),
        group.id(),
        flag(group.group()),
        center.text(),
        center.name(),
        center.country(),
        center.lat(),
        center.lon(),
        s.radiusKm(),
        Columns.categoryIds(s.categories()),
        s.language());
  }

  boolean delete(Address group) {
    return db.update(
            "DELETE FROM subscriptions WHERE group_channel = ? AND group_id = ?",
            group.channel().id(),
            group.id())
        > 0;
  }

  Optional<Subscription> of(Address group) {
    return db.one(
        "SELECT * FROM subscriptions WHERE group_channel = ? AND group_id = ?",
        GroupTable::read,
        group.channel().id(),
        group.id());
  }

  List<Subscription> all() {
    return db.list(
        "SELECT * FROM subscriptions ORDER BY group_channel, group_id", GroupTable::read);
  }

  /** Moves the subscription and the unreachable flag; what {@code to} had is replaced. */
  void move(Address from, Address to) {
    if (from.channel() == to.channel() && from.id().equals(to.id())) {
      return; // the same chat: nothing to move, and nothing of it to replace
    }
    Object[] params = {
      to.channel().id(), to.id(), flag(to.group()), from.channel().id(), from.id()
    };
    db.inTransaction(
        () -> {
          // What to had is replaced only when from has one to move in its place.
          db.update(
              """
              DELETE FROM subscriptions WHERE group_channel = ? AND group_id = ?
                 AND EXISTS (SELECT 1 FROM subscriptions WHERE group_channel = ? AND group_id = ?)
              """,
              to.channel().id(),
              to.id(),
              from.channel().id(),
              from.id());
          db.update(
              """
              UPDATE subscriptions SET group_channel = ?, group_id = ?, group_is_group = ?
               WHERE group_channel = ? AND group_id = ?
              """,
              params);
          db.update(
              """
              DELETE FROM unreachable WHERE address_channel = ? AND address_id = ?
                 AND EXISTS (SELECT 1 FROM unreachable WHERE address_channel = ? AND address_id = ?)
              """,
              to.channel().id(),
              to.id(),
              from.channel().id(),
              from.id());
          db.update(
              """
              UPDATE unreachable SET address_channel = ?, address_id = ?, address_is_group = ?
               WHERE address_channel = ? AND address_id = ?
              """,
              params);
          return null;
        });
  }

  void setUnreachable(Address address, boolean unreachable) {
    if (unreachable) {
      db.update(
          """
          INSERT INTO unreachable (address_channel, address_id, address_is_group)
          VALUES (?, ?, ?)
          ON CONFLICT (address_channel, address_id) DO UPDATE
             SET address_is_group = excluded.address_is_group
          """,
          address.channel().id(),
          address.id(),
          flag(address.group()));
    } else {
      db.update(
          "DELETE FROM unreachable WHERE address_channel = ? AND address_id = ?",
          address.channel().id(),
          address.id());
    }
  }

  boolean isUnreachable(Address address) {
    return db.one(
            "SELECT 1 FROM unreachable WHERE address_channel = ? AND address_id = ?",
            row -> 1,
            address.channel().id(),
            address.id())
        .isPresent();
  }

  private static Subscription read(ResultSet row) throws SQLException {
    return new Subscription(
        Columns.address(row, "group"),
        Columns.place(row, "center"),
        row.getDouble("radius_km"),
        Columns.categories(row.getString("categories")),
        row.getString("language"));
  }
}
