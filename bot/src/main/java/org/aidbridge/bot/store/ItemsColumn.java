package org.aidbridge.bot.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aidbridge.bot.model.Item;

/**
 * A listing's items as stored (a JSON array in {@code items_json}), each distinct text parsed once:
 * most listings name the same few things ("insulin", "2 bags of rice"), and parsing the JSON was a
 * fifth of reading the match index at the start (100,000 listings, 2026-12-02). The lists kept are
 * immutable and shared; at most {@link #KEPT} texts are kept, all forgotten when that is reached.
 */
final class ItemsColumn {
  static final int KEPT = 4_096;
  private static final String COLUMN = "items_json";
  private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {};
  private static final Map<String, List<Item>> READ = new ConcurrentHashMap<>();

  private ItemsColumn() {}

  static List<Item> read(ResultSet row) throws SQLException {
    String json = row.getString(COLUMN);
    if (json == null) {
      return Columns.fromJson(json, COLUMN, ITEMS); // fails as it always did
    }
    List<Item> items = READ.get(json);
    if (items == null) {
      items = List.copyOf(Columns.fromJson(json, COLUMN, ITEMS));
      if (READ.size() >= KEPT) {
        READ.clear();
      }
      READ.put(json, items);
    }
    return items;
  }
}
