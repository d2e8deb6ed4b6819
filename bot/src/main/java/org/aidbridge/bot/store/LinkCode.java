package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.Objects;
import org.aidbridge.bot.model.Address;

/**
 * A one-time code that links two identities.
 *
 * @param code what is typed back
 * @param requester who asked for it
 * @param target the identity the code was sent to ({@code link email:ana@example.org}), or null
 *     when it was shown to the requester, who types it on their other identity
 * @param expiresAt when it stops working
 */
public record LinkCode(String code, Address requester, Address target, Instant expiresAt) {
  public LinkCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
