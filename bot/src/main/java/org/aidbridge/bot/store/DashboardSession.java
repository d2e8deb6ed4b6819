package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.Objects;
import org.aidbridge.bot.model.Address;

/**
 * A coordinator signed in to the web dashboard.
 *
 * @param sessionHash the SHA-256 hash of the session cookie's value (the value itself is not kept)
 * @param person the coordinator
 * @param csrfToken the token every form that changes something must carry
 * @param expiresAt when the session ends
 */
public record DashboardSession(
    String sessionHash, Address person, String csrfToken, Instant expiresAt) {
  public DashboardSession {
    Objects.requireNonNull(sessionHash, "sessionHash");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
