package org.aidbridge.bot.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.EscalationRing;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.store.Store;

/**
 * Carries needs that nobody nearby has met to groups farther away, ring by ring (see {@link
 * EscalationRing}). A need reaches ring {@code i} once it has been OPEN without a match for the
 * ring's delay, or half of it when everything it asks for can travel (money, bail and legal help,
 * remote help). Each ring is announced once per need, to the subscribed groups inside it that want
 * its categories and have not heard of it: not those whose own area covers it, nor those inside a
 * ring it reached before. Needs whose place is unknown stay where they are.
 */
public final class Escalations {
  /** Listings read from the store at a time: housekeeping looks at every open one each minute. */
  static final int PAGE = 500;

  private final Store store;
  private final List<EscalationRing> rings;

  public Escalations(Store store, BotSettings settings) {
    this.store = store;
    this.rings = settings.escalationRings();
  }

  /**
   * Escalates the needs of one page (ids above {@code afterId}) whose next ring is due at {@code
   * now}. The rings reached are recorded here, so queue the announcements in the same transaction.
   */
  WorkPage escalatePage(Instant now, long afterId, List<Subscription> subscriptions) {
    if (rings.isEmpty()) {
      return WorkPage.DONE;
    }
    List<Listing> page = store.openUnmatchedNeeds(now, afterId, PAGE);
    if (page.isEmpty()) {
      return WorkPage.DONE;
    }
    List<OutboundMessage> out = new ArrayList<>();
    for (Listing need : page) {
      if (need.place() != null && need.place().resolved() && anyRingDue(need, now)) {
        out.addAll(escalate(need, subscriptions, now));
      }
    }
    return WorkPage.upTo(page.get(page.size() - 1).id(), out, 0);
  }

  /** Whether a ring's time has come for the need (reached or not): else nothing to look up. */
  private boolean anyRingDue(Listing need, Instant now) {
    for (EscalationRing ring : rings) {
      if (!now.isBefore(dueAt(need, ring))) {
        return true;
      }
    }
    return false;
  }

  /** When a need reaches a ring: its delay after creation, halved for needs that travel. */
  public static Instant dueAt(Listing need, EscalationRing ring) {
    Duration delay = travels(need) ? ring.travellingAfter() : ring.after();
    return need.createdAt().plus(delay);
  }

  private List<OutboundMessage> escalate(
      Listing need, List<Subscription> subscriptions, Instant now) {
    List<Integer> reached = new ArrayList<>(store.escalationsOf(need.id()));
    Map<Address, OutboundMessage> toGroups = new LinkedHashMap<>();
    for (int i = 0; i < rings.size(); i++) {
      EscalationRing ring = rings.get(i);
      if (reached.contains(i) || now.isBefore(dueAt(need, ring))) {
        continue;
      }
      store.recordEscalation(need.id(), i, now);
      for (Subscription s : subscriptions) {
        if (!toGroups.containsKey(s.group()) && newlyReached(need, s, ring, reached)) {
          toGroups.put(s.group(), announcement(need, s));
        }
      }
      reached.add(i);
    }
    return new ArrayList<>(toGroups.values());
  }

  private boolean newlyReached(
      Listing need, Subscription s, EscalationRing ring, List<Integer> reachedBefore) {
    boolean wants =
        s.categories().isEmpty() || need.categories().stream().anyMatch(s.categories()::contains);
    if (!wants || s.covers(need) || !ring.reaches(need.place(), s.center())) {
      return false;
    }
    for (int earlier : reachedBefore) {
      if (rings.get(earlier).reaches(need.place(), s.center())) {
        return false;
      }
    }
    return !store.isUnreachable(s.group());
  }

  private static OutboundMessage announcement(Listing need, Subscription s) {
    String language = Texts.supported(s.language());
    String text =
        Texts.get(
            language,
            "group.farther",
            need.ref(),
            need.summary(),
            ListingCommands.placeSuffix(need, language),
            need.place().display());
    return OutboundMessage.to(s.group(), text, language)
        .about(MatchNotifier.LISTING_TOPIC + need.ref());
  }

  static boolean travels(Listing listing) {
    return !listing.categories().isEmpty()
        && listing.categories().stream().allMatch(Category::travels);
  }
}
