package org.aidbridge.bot.store;

import java.util.Collections;

/**
 * The SQL of INSERTs of one to many rows, the statement for n rows at [n - 1]: the same String for
 * the same number each time, so its hash, the statement cache's key, is worked out once, and each
 * shape is prepared once.
 */
final class MultiRowInserts {
  private MultiRowInserts() {}

  /**
   * @param into the statement up to its values ({@code INSERT INTO t (a, b) VALUES })
   * @param row one row's placeholders ({@code (?, ?)})
   * @param tail what follows the rows ({@code ON CONFLICT ...}, {@code RETURNING ...}), or ""
   */
  static String[] upTo(int most, String into, String row, String tail) {
    String[] statements = new String[most];
    for (int n = 1; n <= most; n++) {
      statements[n - 1] = into + String.join(", ", Collections.nCopies(n, row)) + tail;
    }
    return statements;
  }
}
