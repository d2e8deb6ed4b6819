package org.aidbridge.bot.store;

import java.time.Instant;
import java.util.Objects;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Place;

/**
 * A coordinator's broadcast, previewed and waiting for {@code broadcast confirm}.
 *
 * @param area the area whose groups get it, or null for every group
 * @param category the only category of groups it goes to, or null for any
 * @param text what it says
 * @param expiresAt when a confirmation comes too late
 */
public record BroadcastDraft(Place area, Category category, String text, Instant expiresAt) {
  public BroadcastDraft {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
