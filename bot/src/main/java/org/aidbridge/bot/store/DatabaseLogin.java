package org.aidbridge.bot.store;

import java.util.Objects;

/**
 * Where a database server is and who logs in. The user and the password come from the environment
 * only ({@code AIDBRIDGE_DB_USER}, {@code AIDBRIDGE_DB_PASSWORD}), never from a file; the password
 * is left out of {@link #toString()}.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, without the password
 * @param user the login, or null to let the driver decide (the URL's {@code user=})
 * @param password the password, or null for none (trust or peer authentication)
 */
public record DatabaseLogin(String jdbcUrl, String user, String password) {
  public DatabaseLogin {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  @Override
  public String toString() {
    return "DatabaseLogin[" + jdbcUrl + ", user=" + user + "]";
  }
}
