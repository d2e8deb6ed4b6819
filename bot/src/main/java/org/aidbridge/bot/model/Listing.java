package org.aidbridge.bot.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A need or an offer.
 *
 * @param id the store's id, 0 before it is stored
 * @param ref the short public reference people type, e.g. {@code N-7K2}; null before it is stored
 * @param kind need or offer
 * @param categories one or more categories; {@link Category#OTHER} when nothing fits
 * @param items what exactly, possibly empty
 * @param text the original text as the person wrote it
 * @param place where, or null when not said
 * @param urgency how soon
 * @param createdAt when it was made
 * @param expiresAt when it stops being shown
 * @param status where it is in its life
 * @param author who wrote it; never shown to anyone else
 * @param language the language it was written in ("en", "es", "fa", ...)
 * @param externalId an id given by an import (a spreadsheet row id), or null
 */
public record Listing(
    long id,
    String ref,
    Kind kind,
    Set<Category> categories,
    List<Item> items,
    String text,
    Place place,
    Urgency urgency,
    Instant createdAt,
    Instant expiresAt,
    Status status,
    Address author,
    String language,
    String externalId) {

  public Listing {
    Objects.requireNonNull(kind, "kind");
    categories = Set.copyOf(categories);
    items = List.copyOf(items);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(language, "language");
  }

  public Listing withIdAndRef(long newId, String newRef) {
    return new Listing(
        newId,
        newRef,
        kind,
        categories,
        items,
        text,
        place,
        urgency,
        createdAt,
        expiresAt,
        status,
        author,
        language,
        externalId);
  }

  public Listing withStatus(Status newStatus) {
    return new Listing(
        id,
        ref,
        kind,
        categories,
        items,
        text,
        place,
        urgency,
        createdAt,
        expiresAt,
        newStatus,
        author,
        language,
        externalId);
  }

  /** The same listing saying something new about what and where. */
  public Listing withDetails(Set<Category> newCategories, Place newPlace) {
    return new Listing(
        id,
        ref,
        kind,
        newCategories,
        items,
        text,
        newPlace,
        urgency,
        createdAt,
        expiresAt,
        status,
        author,
        language,
        externalId);
  }

  /** A short human summary: the items, else the categories. Never contains the author. */
  public String summary() {
    if (!items.isEmpty()) {
      return String.join(", ", items.stream().map(Listing::describe).toList());
    }
    return String.join(", ", categories.stream().map(Category::id).sorted().toList());
  }

  private static String describe(Item item) {
    if (item.quantity() == null) {
      return item.name();
    }
    String qty = item.quantity().stripTrailingZeros().toPlainString();
    return item.unit() == null
        ? qty + " " + item.name()
        : qty + " " + item.unit() + " " + item.name();
  }
}
