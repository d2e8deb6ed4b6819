package org.aidbridge.bot.store;

import java.util.random.RandomGenerator;

/** How SqliteStore picks references. */
class SqliteStoreQueryTest implements ReferenceContract {

  @Override
  public Store open(RandomGenerator random) {
    return SqliteStore.open(":memory:", random);
  }
}
