package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.millis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes old finished rows a page at a time, each page seeking to where the last ended in an index
 * of the finished rows by time and id, so that every page costs about the same however many were
 * deleted before it.
 */
final class RetentionTable {
  private final Database db;

  RetentionTable(Database db) {
    this.db = db;
  }

  RetentionPage deletePage(
      RetainedRows rows, Instant before, RetentionPage.Cursor after, int limit) {
    List<RetentionPage.Cursor> keys = page(rows, before, after, limit);
    if (keys.isEmpty()) {
      return new RetentionPage(0, Optional.empty());
    }
    List<Object> params = new ArrayList<>(keys.size() + 1);
    params.add(millis(before));
    keys.forEach(key -> params.add(key.id()));
    int deleted = db.update(rows.deleteSql(db.dialect(), keys.size()), params.toArray());
    Optional<RetentionPage.Cursor> next =
        keys.size() < limit ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    return new RetentionPage(deleted, next);
  }

  private List<RetentionPage.Cursor> page(
      RetainedRows rows, Instant before, RetentionPage.Cursor after, int limit) {
    Database.RowReader<RetentionPage.Cursor> key =
        row -> new RetentionPage.Cursor(Instant.ofEpochMilli(row.getLong(1)), row.getLong(2));
    long cutoff = millis(before);
    long at = millis(after.at());
    List<RetentionPage.Cursor> keys =
        at < cutoff
            ? db.list(rows.sameTimeSql(db.dialect()), key, at, after.id(), limit)
            : List.of();
    if (keys.size() == limit) {
      return keys;
    }
    List<RetentionPage.Cursor> all = new ArrayList<>(keys);
    all.addAll(db.list(rows.laterTimeSql(db.dialect()), key, at, cutoff, limit - keys.size()));
    return all;
  }
}
