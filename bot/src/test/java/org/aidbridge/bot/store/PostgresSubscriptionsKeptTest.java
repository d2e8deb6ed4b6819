package org.aidbridge.bot.store;

import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;

/**
 * On PostgreSQL, where several instances share the database, one instance keeps the subscriptions
 * it read and another changes them (two stores on one database of a real server).
 */
class PostgresSubscriptionsKeptTest implements SubscriptionsKeptContract {
  private final DatabaseLogin login = TestPostgres.shared().newDatabase();
  private final PostgresStore one = PostgresStore.open(login, 2);
  private final PostgresStore other = PostgresStore.open(login, 2);

  @AfterEach
  void close() {
    one.close();
    other.close();
  }

  @Override
  public Store reader() {
    return one;
  }

  @Override
  public Store writer() {
    return other;
  }
}
