package org.aidbridge.bot.store;

import java.util.random.RandomGenerator;
import org.aidbridge.bot.testing.TestPostgres;

/**
 * PostgreSQL picks references as SQLite does: a taken reference inserts nothing there either, and
 * does not spoil the transaction the listing is stored in.
 */
class PostgresStoreQueryTest implements ReferenceContract {

  @Override
  public Store open(RandomGenerator random) {
    return PostgresStore.open(TestPostgres.shared().newDatabase(), 2, random);
  }
}
