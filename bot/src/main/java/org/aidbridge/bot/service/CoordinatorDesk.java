package org.aidbridge.bot.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.ListingRefs;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Status;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a coordinator does from the web dashboard, by the same rules as the chat commands: closing
 * tells the author and whoever the listing was matched with, a broadcast reaches the groups {@link
 * Broadcasts} chooses with the text it writes. Every message is queued in the outbox in the same
 * transaction as the change that caused it.
 */
public final class CoordinatorDesk {
  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorDesk.class);

  private final Store store;
  private final MatchNotifier notifier;
  private final Broadcasts broadcasts;
  private final Replies replies;
  private final PlaceFinder places;
  private final BotSettings settings;
  private final Clock clock;

  public CoordinatorDesk(
      Store store,
      MatchNotifier notifier,
      Broadcasts broadcasts,
      Replies replies,
      PlaceFinder places,
      BotSettings settings,
      Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.broadcasts = broadcasts;
    this.replies = replies;
    this.places = places;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @return false when no open listing has this reference
   */
  public boolean close(String ref) {
    return store.inTransaction(
        () ->
            active(ref)
                .map(
                    l -> {
                      queue(Coordination.closeByCoordinator(store, replies, notifier, l));
                      LOG.info("a coordinator closed {} from the dashboard", l.ref());
                      return true;
                    })
                .orElse(false));
  }

  /** Moderation: the listing is shown to no one and matched with nothing; no one is told. */
  public boolean hide(String ref) {
    return store.inTransaction(
        () ->
            active(ref)
                .map(
                    l -> {
                      store.updateStatus(l.id(), Status.HIDDEN);
                      LOG.info("a coordinator hid {} from the dashboard", l.ref());
                      return true;
                    })
                .orElse(false));
  }

  /** Gives the listing a fresh lifetime from now, as its author's "yes, still needed" does. */
  public boolean renew(String ref) {
    return store.inTransaction(
        () ->
            active(ref)
                .map(
                    l -> {
                      store.setExpiry(
                          l.id(), clock.instant().plus(settings.expiryFor(l.categories())));
                      return true;
                    })
                .orElse(false));
  }

  /**
   * A broadcast from the dashboard's separate fields: {@code place} a place name or {@code all}
   * (blank means all), {@code categoryId} a category id or blank for every category.
   *
   * @return empty when the place is not known or the text is blank
   */
  public Optional<Broadcasts.Draft> draft(String place, String categoryId, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Category category =
        categoryId == null || categoryId.isBlank()
            ? null
            : Category.fromId(categoryId).orElse(null);
    String where = place == null ? "" : place.strip();
    if (where.isEmpty() || where.toLowerCase(Locale.ROOT).equals("all")) {
      return Optional.of(new Broadcasts.Draft(null, category, text.strip()));
    }
    return places
        .resolve(where, settings.homeCountry())
        .filter(Place::resolved)
        .map(area -> new Broadcasts.Draft(area, category, text.strip()));
  }

  /** The groups a draft would reach. */
  public List<Subscription> groupsFor(Broadcasts.Draft draft) {
    return broadcasts.groupsFor(draft);
  }

  /**
   * Queues the broadcast to every group it reaches.
   *
   * @return how many groups
   */
  public int broadcast(Broadcasts.Draft draft) {
    List<OutboundMessage> out = broadcasts.messagesFor(draft);
    store.inTransaction(() -> queue(out));
    LOG.info("a coordinator broadcast to {} group(s) from the dashboard", out.size());
    return out.size();
  }

  private void queue(List<OutboundMessage> out) {
    out.forEach(o -> store.enqueue(o, clock.instant()));
  }

  private Optional<Listing> active(String ref) {
    if (ref == null || ref.isBlank()) {
      return Optional.empty();
    }
    return store.listingByRef(ListingRefs.normalize(ref.strip())).filter(l -> l.status().active());
  }
}
