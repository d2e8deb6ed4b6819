package org.aidbridge.bot.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Place;

/**
 * How model values become columns and back, the same in SQLite and PostgreSQL. Conventions:
 * instants are epoch milliseconds (INTEGER, BIGINT); flags are 0 or 1; enums are stored by name,
 * channels and categories by their lower-case ids; an address is three columns {@code x_channel},
 * {@code x_id}, {@code x_is_group}, and channel plus id identify it (the group flag is kept, not
 * compared).
 */
final class Columns {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          // A field dropped from a model record must not make older rows unreadable.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Columns() {}

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static int flag(boolean value) {
    return value ? 1 : 0;
  }

  static boolean flag(ResultSet row, String column) throws SQLException {
    return row.getInt(column) != 0;
  }

  static Double decimal(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  /** The address in columns {@code prefix_channel}, {@code prefix_id}, {@code prefix_is_group}. */
  static Address address(ResultSet row, String prefix) throws SQLException {
    String id = row.getString(prefix + "_id");
    if (id == null) {
      return null;
    }
    Channel channel = Channel.fromId(row.getString(prefix + "_channel"));
    return new Address(channel, id, flag(row, prefix + "_is_group"));
  }

  /** The place in columns {@code prefix_text}, {@code prefix_name} ... {@code prefix_lon}. */
  static Place place(ResultSet row, String prefix) throws SQLException {
    String text = row.getString(prefix + "_text");
    if (text == null) {
      return null;
    }
    return new Place(
        text,
        row.getString(prefix + "_name"),
        row.getString(prefix + "_country"),
        decimal(row, prefix + "_lat"),
        decimal(row, prefix + "_lon"));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "could not write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static <T> T fromJson(ResultSet row, String column, TypeReference<T> type) throws SQLException {
    return fromJson(row.getString(column), column, type);
  }

  /** {@code json}, read from {@code column}, as a {@code type}. */
  static <T> T fromJson(String json, String column, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("unreadable JSON in column " + column, e);
    }
  }

  /** Categories as comma-separated ids, e.g. {@code food,water}; empty for none. */
  static String categoryIds(Set<Category> categories) {
    return categories.stream().map(Category::id).sorted().collect(Collectors.joining(","));
  }

  static Set<Category> categories(String commaSeparatedIds) {
    if (commaSeparatedIds == null || commaSeparatedIds.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(commaSeparatedIds.split(","))
        .map(
            id ->
                Category.fromId(id)
                    .orElseThrow(() -> new StoreException("unknown category id in store: " + id)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
  }

  static <E extends Enum<E>> E enumValue(ResultSet row, String column, Class<E> type)
      throws SQLException {
    return Enum.valueOf(type, row.getString(column));
  }
}
