package org.aidbridge.bot.store;

import java.util.Objects;

/**
 * A question the bot asked a person and waits for them to answer with their next message.
 *
 * @param asked what was asked
 * @param listingId the listing it is about, or null ({@link Asked#FORGET})
 */
public record PendingQuestion(Asked asked, Long listingId) {

  /** What the bot asked. */
  public enum Asked {
    /** What kind of help a listing is about. */
    CATEGORY,
    /** Where a listing is. */
    PLACE,
    /** Whether to forget everything about the person. */
    FORGET
  }

  /**
   * A person has at most one waiting question per topic; a new one replaces the old. A question
   * about a listing and "forget everything?" are separate, so neither ends the other.
   */
  public enum Topic {
    LISTING,
    FORGET
  }

  public PendingQuestion {
    Objects.requireNonNull(asked, "asked");
    if ((asked == Asked.FORGET) != (listingId == null)) {
      throw new IllegalArgumentException("a question about a listing names it; forget names none");
    }
  }

  public static PendingQuestion about(Asked asked, long listingId) {
    return new PendingQuestion(asked, listingId);
  }

  public static PendingQuestion forget() {
    return new PendingQuestion(Asked.FORGET, null);
  }

  public Topic topic() {
    return asked == Asked.FORGET ? Topic.FORGET : Topic.LISTING;
  }
}
