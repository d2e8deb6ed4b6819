package org.aidbridge.bot.store;

import org.aidbridge.bot.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The PostgreSQL store passes the same store contract as SQLite, on a real server: one database and
 * one store for the class (opening runs Flyway, which costs more than a test), emptied before each
 * test. No contract test closes the store or leaves a watcher on it.
 */
class PostgresStoreTest implements StoreContract {
  private static PostgresStore store;

  @BeforeAll
  static void open() {
    store = PostgresStore.open(TestPostgres.shared().newDatabase(), 4);
  }

  @BeforeEach
  void empty() {
    PostgresTables.empty(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  public Store store() {
    return store;
  }
}
