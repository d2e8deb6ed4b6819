package org.aidbridge.bot.store;

import java.security.SecureRandom;

/**
 * Secrets this installation made for itself, one per purpose (such as keyed log pseudonyms): 32
 * random bytes made on first use and kept, so they stay the same across restarts and differ between
 * installations.
 */
final class InstallationKeys {
  private static final int KEY_BYTES = 32;

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  InstallationKeys(Database db) {
    this.db = db;
  }

  byte[] key(String purpose) {
    byte[] fresh = new byte[KEY_BYTES];
    random.nextBytes(fresh);
    return db.inTransaction(
        () -> {
          // Insert or ignore: whoever comes first makes the key; everyone reads the same one.
          db.update(
              "INSERT INTO installation_keys (purpose, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
              purpose,
              fresh);
          return db.one(
                  "SELECT key FROM installation_keys WHERE purpose = ?",
                  row -> row.getBytes(1),
                  purpose)
              .orElseThrow();
        });
  }
}
