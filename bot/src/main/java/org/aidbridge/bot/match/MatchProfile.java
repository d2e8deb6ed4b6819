package org.aidbridge.bot.match;

import java.util.Arrays;
import java.util.TreeSet;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Shipping;
import org.aidbridge.bot.model.Urgency;

/**
 * What matching needs to know of a listing, in a compact form kept in memory for every open
 * listing: about a quarter of the memory of the listing itself, and nothing to parse when scored.
 * The author is kept only to leave a person's own listings out.
 */
final class MatchProfile {
  final long id;
  final Kind kind;
  final int categories; // bit i set for Category.values()[i]
  final String[] items; // canonical names, sorted, distinct
  final double lat; // NaN when the place is unknown or unresolved
  final double lon;
  final boolean ships; // an offer that ships or works remotely
  final boolean urgent;
  final long createdAt; // epoch millis
  final long expiresAt;
  final String author;
  final int[] terms; // text-relevance term ids, sorted, repeated as often as they occur

  private MatchProfile(Listing listing, int[] terms) {
    this.id = listing.id();
    this.kind = listing.kind();
    int mask = 0;
    for (Category c : listing.categories()) {
      mask |= 1 << c.ordinal();
    }
    this.categories = mask;
    TreeSet<String> names = new TreeSet<>();
    ItemSynonyms synonyms = ItemSynonyms.shared();
    for (Item item : listing.items()) {
      names.add(synonyms.canonical(item.name()).intern());
    }
    this.items = names.toArray(String[]::new);
    boolean located = listing.place() != null && listing.place().resolved();
    this.lat = located ? listing.place().lat() : Double.NaN;
    this.lon = located ? listing.place().lon() : Double.NaN;
    this.ships = listing.kind() == Kind.OFFER && Shipping.offered(listing);
    this.urgent = listing.urgency() == Urgency.HIGH;
    this.createdAt = listing.createdAt().toEpochMilli();
    this.expiresAt = listing.expiresAt().toEpochMilli();
    this.author = authorKey(listing.author());
    this.terms = terms;
  }

  /** A profile as a snapshot kept it ({@link MatchIndexSnapshot}). */
  MatchProfile(
      long id,
      Kind kind,
      int categories,
      String[] items,
      double lat,
      double lon,
      boolean ships,
      boolean urgent,
      long createdAt,
      long expiresAt,
      String author,
      int[] terms) {
    this.id = id;
    this.kind = kind;
    this.categories = categories;
    this.items = items;
    this.lat = lat;
    this.lon = lon;
    this.ships = ships;
    this.urgent = urgent;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.author = author;
    this.terms = terms;
  }

  static MatchProfile of(Listing listing, TextRelevance text) {
    return new MatchProfile(listing, text.termsOf(listing));
  }

  boolean located() {
    return !Double.isNaN(lat);
  }

  boolean has(Category category) {
    return (categories & (1 << category.ordinal())) != 0;
  }

  boolean hasItem(String canonical) {
    return Arrays.binarySearch(items, canonical) >= 0;
  }

  static String authorKey(Address author) {
    return author.channel().id() + (author.group() ? ":group:" : ":") + author.id();
  }
}
