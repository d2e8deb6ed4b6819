package org.aidbridge.bot.store;

import java.util.Objects;

/**
 * A question the bot asked a person and waits for them to answer with their next message.
 *
 * @param asked what was asked
 * @param listingId the listing it is about, or null ({@link Asked#FORGET} and the kind questions)
 * @param text the words asked about, for {@link Asked#IS_NEED} and {@link Asked#IS_OFFER} (the
 *     answer "yes" makes the listing from them); null otherwise
 */
public record PendingQuestion(Asked asked, Long listingId, String text) {

  /** What the bot asked. */
  public enum Asked {
    /** What kind of help a listing is about. */
    CATEGORY,
    /** Where a listing is. */
    PLACE,
    /** Whether to forget everything about the person. */
    FORGET,
    /** Whether a message the parser was only half sure of is a need. */
    IS_NEED,
    /** Whether a message the parser was only half sure of is an offer. */
    IS_OFFER
  }

  /**
   * A person has at most one waiting question per topic; a new one replaces the old. A question
   * about a listing (or about what kind a message was) and "forget everything?" are separate, so
   * neither ends the other.
   */
  public enum Topic {
    LISTING,
    FORGET
  }

  public PendingQuestion {
    Objects.requireNonNull(asked, "asked");
    boolean aboutAListing = asked == Asked.CATEGORY || asked == Asked.PLACE;
    if (aboutAListing != (listingId != null)) {
      throw new IllegalArgumentException("a question about a listing names it; others name none");
    }
    if (isKindQuestion(asked) != (text != null)) {
      throw new IllegalArgumentException("only a question of kind keeps the words asked about");
    }
  }

  public static PendingQuestion about(Asked asked, long listingId) {
    return new PendingQuestion(asked, listingId, null);
  }

  public static PendingQuestion forget() {
    return new PendingQuestion(Asked.FORGET, null, null);
  }

  /** "Is this something you need (or offer)?" about {@code text}. */
  public static PendingQuestion isItA(org.aidbridge.bot.model.Kind kind, String text) {
    return new PendingQuestion(
        kind == org.aidbridge.bot.model.Kind.NEED ? Asked.IS_NEED : Asked.IS_OFFER,
        null,
        Objects.requireNonNull(text, "text"));
  }

  /** Whether this asks what kind of message something was (need or offer). */
  public boolean asksKind() {
    return isKindQuestion(asked);
  }

  private static boolean isKindQuestion(Asked asked) {
    return asked == Asked.IS_NEED || asked == Asked.IS_OFFER;
  }

  public Topic topic() {
    return asked == Asked.FORGET ? Topic.FORGET : Topic.LISTING;
  }
}
