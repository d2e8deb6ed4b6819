package org.aidbridge.bot.store;

/**
 * The two databases the store runs on. The SQL is the same for both wherever it can be ({@code
 * INSERT ... ON CONFLICT}, {@code RETURNING}, {@code string_agg}, {@code CASE} instead of summed
 * booleans); what differs is named here.
 */
enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String migrations;

  Dialect(String folder) {
    this.migrations = "classpath:db/migration/" + folder;
  }

  /** Where Flyway finds this database's schema steps. */
  String migrations() {
    return migrations;
  }
}
