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
        INSERT OR REPLACE INTO subscriptions (group_channel, group_id, group_is_group,
            center_text, center_name, center_country, center_lat, center_lon,
            radius_km, categories, language)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
    Object[] params = {
      to.channel().id(), to.id(), flag(to.group()), from.channel().id(), from.id()
    };
    db.update(
        """
        UPDATE OR REPLACE subscriptions SET group_channel = ?, group_id = ?, group_is_group = ?
         WHERE group_channel = ? AND group_id = ?
        """,
        params);
    db.update(
        """
        UPDATE OR REPLACE unreachable
           SET address_channel = ?, address_id = ?, address_is_group = ?
         WHERE address_channel = ? AND address_id = ?
        """,
        params);
  }

  void setUnreachable(Address address, boolean unreachable) {
    if (unreachable) {
      db.update(
          """
          INSERT OR REPLACE INTO unreachable (address_channel, address_id, address_is_group)
          VALUES (?, ?, ?)
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
