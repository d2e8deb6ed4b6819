package org.aidbridge.bot.store;

import static org.aidbridge.bot.store.Columns.millis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    Dialect dialect = db.dialect();
    List<RetentionPage.Cursor> keys =
        KeysetPages.keys(
            db,
            rows.sameTimeSql(dialect),
            rows.laterTimeSql(dialect),
            List.of(),
            after,
            millis(before),
            limit);
    if (keys.isEmpty()) {
      return KeysetPages.page(keys, 0, limit);
    }
    List<Object> params = new ArrayList<>(keys.size() + 1);
    params.add(millis(before));
    keys.forEach(key -> params.add(key.id()));
    int deleted = db.update(rows.deleteSql(dialect, keys.size()), params.toArray());
    return KeysetPages.page(keys, deleted, limit);
  }
}
