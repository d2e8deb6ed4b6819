package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one page of the retention, walked by (time, id) in an index of the rows it may
 * change: the rest of the rows at the cursor's time, then those after it and before the cutoff. Two
 * statements rather than one {@code (time, id) > (?, ?)}: SQLite seeks a row value by its first
 * column only, and thousands of rows share a time (an import, a busy second).
 */
final class KeysetPages {
  private static final Database.RowReader<RetentionPage.Cursor> KEY =
      row -> new RetentionPage.Cursor(Instant.ofEpochMilli(row.getLong(1)), row.getLong(2));

  private KeysetPages() {}

  /**
   * At most {@code limit} keys after {@code after} and before {@code cutoff}.
   *
   * @param sameTimeSql selects (time, id) by {@code leading...}, then time = ?, id > ?, LIMIT ?
   * @param laterTimeSql selects (time, id) by {@code leading...}, then time > ?, time < ?, LIMIT ?
   */
  static List<RetentionPage.Cursor> keys(
      Database db,
      String sameTimeSql,
      String laterTimeSql,
      List<Object> leading,
      RetentionPage.Cursor after,
      long cutoff,
      int limit) {
    long at = after.at().toEpochMilli();
    List<RetentionPage.Cursor> keys =
        at < cutoff ? db.list(sameTimeSql, KEY, params(leading, at, after.id(), limit)) : List.of();
    if (keys.size() == limit) {
      return keys;
    }
    List<RetentionPage.Cursor> all = new ArrayList<>(keys);
    all.addAll(db.list(laterTimeSql, KEY, params(leading, at, cutoff, limit - keys.size())));
    return all;
  }

  /** The page of {@code keys}, {@code rows} of them changed: the next starts after its last key. */
  static RetentionPage page(List<RetentionPage.Cursor> keys, int rows, int limit) {
    Optional<RetentionPage.Cursor> next =
        keys.size() < limit ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    return new RetentionPage(rows, next);
  }

  private static Object[] params(List<Object> leading, Object... rest) {
    List<Object> all = new ArrayList<>(leading);
    all.addAll(List.of(rest));
    return all.toArray();
  }
}
