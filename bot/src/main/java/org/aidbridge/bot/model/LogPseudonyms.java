package org.aidbridge.bot.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short names ids go by in log lines: a keyed hash (HMAC-SHA256, first 5 bytes in hex), so the
 * same person is recognisable across a log but a phone number or Telegram id cannot be found again
 * by hashing every candidate, as it could from {@code String.hashCode}. Without the key a pseudonym
 * says nothing.
 *
 * <p>Process-wide on purpose: ids reach log lines only through {@link Address#toString()}, and
 * addresses are values made everywhere (channels, store, tests). Handing a pseudonymizer to every
 * place that logs would be much more code for the same result. The application sets the key once at
 * startup from its database ({@link #PURPOSE}), so pseudonyms stay the same across restarts and
 * differ between installations; until then a random key of this process is used.
 */
public final class LogPseudonyms {
  /** The purpose of the installation key these pseudonyms are made with. */
  public static final String PURPOSE = "log-pseudonym";

  private static final String ALGORITHM = "HmacSHA256";
  private static final int BYTES = 5;

  private static volatile SecretKeySpec key = randomKey();

  private LogPseudonyms() {}

  /** Makes pseudonyms with {@code secret} from now on (the installation's key). */
  public static void useKey(byte[] secret) {
    key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** The pseudonym of {@code id}: 10 hex digits. */
  public static String of(String id) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static SecretKeySpec randomKey() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new SecretKeySpec(secret, ALGORITHM);
  }
}
