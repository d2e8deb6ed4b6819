package org.aidbridge.routes.cli;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.store.Store;

/**
 * For each open need, its best open offers, as the bot's matcher ranks them. Open means OPEN or
 * MATCHED and not expired, the listings the matcher itself considers: a need with one match may
 * still want more.
 */
final class MatchLister {
  private final Store store;
  private final Matcher matcher;

  MatchLister(Store store, Matcher matcher) {
    this.store = store;
    this.matcher = matcher;
  }

  /** Hands each need with at least one match to {@code sink}, oldest need first. */
  void forEachNeed(Instant now, int top, Consumer<NeedMatches> sink) {
    List<Listing> needs =
        store.allListings().stream()
            .filter(l -> l.kind() == Kind.NEED)
            .filter(l -> l.status().active() && l.expiresAt().isAfter(now))
            .sorted(Comparator.comparing(Listing::createdAt).thenComparing(Listing::id))
            .toList();
    for (Listing need : needs) {
      List<Match> matches = matcher.matchesFor(need, now, top);
      if (!matches.isEmpty()) {
        sink.accept(new NeedMatches(need, matches));
      }
    }
  }

  record NeedMatches(Listing need, List<Match> matches) {}
}
