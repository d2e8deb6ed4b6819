package org.aidbridge.routes.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One data row of an import file, by lower-case column name, with the line it starts on.
 *
 * @param line the 1-based line number in the file (the header is line 1)
 * @param columns the non-blank cells, trimmed
 */
record ImportRow(long line, Map<String, String> columns) {

  ImportRow {
    columns = Map.copyOf(columns);
  }

  String get(String column) {
    return columns.get(column);
  }

  /**
   * What makes the row the same row on a second import: its external id, else a hash of all its
   * cells (so the same spreadsheet imported twice adds nothing, wherever the row moved to).
   */
  String identity() {
    String id = get("id");
    if (id != null) {
      return "id:" + id;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(columns)
          .forEach(
              (k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
              });
      return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
