package org.aidbridge.routes.cli;

import java.time.Instant;
import java.util.ArrayList;
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
 * still want more. Each answer is handed on as it is found, nothing kept: only the needs' ids and
 * ages are held, and each need is read again when its turn comes.
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
    List<NeedAge> needs = new ArrayList<>();
    store.forEachListing(
        l -> {
          if (l.kind() == Kind.NEED && l.status().active() && l.expiresAt().isAfter(now)) {
            needs.add(new NeedAge(l.createdAt(), l.id()));
          }
        });
    needs.sort(Comparator.comparing(NeedAge::createdAt).thenComparingLong(NeedAge::id));
    for (NeedAge age : needs) {
      store
          .listingById(age.id())
          .ifPresent(
              need -> {
                List<Match> matches = matcher.matchesFor(need, now, top);
                if (!matches.isEmpty()) {
                  sink.accept(new NeedMatches(need, matches));
                }
              });
    }
  }

  private record NeedAge(Instant createdAt, long id) {}

  record NeedMatches(Listing need, List<Match> matches) {}
}
