package org.aidbridge.bot.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.place.TimeZones;
import org.aidbridge.bot.store.Store;

/**
 * A subscribed group's digest: the open needs in its area, then needs farther away (same country,
 * or that can travel) that have waited a while with nobody nearby meeting them. Only OPEN needs
 * without a match that have not expired appear. Each group gets one a day at the configured time
 * (one time zone for all groups, for now).
 */
public final class Digests {
  /** The longest message each channel takes (Signal sends longer texts as an attachment). */
  public static final Map<Channel, Integer> DEFAULT_LIMITS =
      Map.of(Channel.TELEGRAM, 4096, Channel.SIGNAL, 2000, Channel.EMAIL, 100_000);

  /** At most this many needs per part of a digest; the rest are counted. */
  static final int MAX_LINES = 40;

  private final Store store;
  private final BotSettings settings;
  private final Map<Channel, Integer> limits;

  public Digests(Store store, BotSettings settings, Map<Channel, Integer> limits) {
    this.store = store;
    this.settings = settings;
    this.limits = Map.copyOf(limits);
  }

  /**
   * The digests whose time has come at {@code now}: for every subscribed, reachable group whose
   * daily time has passed today and that was not sent today's yet. Records them as sent, so call it
   * in the transaction that queues them.
   */
  public List<OutboundMessage> dueDigests(Instant now) {
    List<OutboundMessage> out = new ArrayList<>();
    for (Subscription s : store.subscriptions()) {
      out.addAll(dueDigest(s, now));
    }
    return out;
  }

  /**
   * The group's digest if its time has come at {@code now} and it is reachable and was not sent
   * today's yet, else nothing. Records it as sent, so call it in the transaction that queues it.
   */
  public List<OutboundMessage> dueDigest(Subscription s, Instant now) {
    ZonedDateTime local = now.atZone(zoneOf(s));
    if (local.toLocalTime().isBefore(settings.digestTime())) {
      return List.of();
    }
    String period = "daily:" + local.toLocalDate();
    if (!store.isUnreachable(s.group()) && store.markDigestSent(s.group(), period, now)) {
      return digestFor(s, now);
    }
    return List.of();
  }

  /**
   * The group's own time zone, from where it is (so 18:00 is evening there), unless the settings
   * name one zone for every group.
   */
  ZoneId zoneOf(Subscription s) {
    if (settings.digestZone() != null) {
      return settings.digestZone();
    }
    return TimeZones.shared().at(s.center().lat(), s.center().lon()).orElse(ZoneOffset.UTC);
  }

  /** The digest of one group now, in parts that fit its channel; empty when there is no news. */
  public List<OutboundMessage> digestFor(Subscription s, Instant now) {
    String language = Texts.supported(s.language());
    Section near = new Section();
    Section far = new Section();
    Instant waitedSince = now.minus(settings.digestFarAfter());
    long after = 0;
    for (List<Listing> page;
        !(page = store.openUnmatchedNeeds(now, after, Escalations.PAGE)).isEmpty(); ) {
      for (Listing need : page) {
        if (!wanted(s, need)) {
          continue;
        }
        if (s.covers(need)) {
          near.add(need);
        } else if (!need.createdAt().isAfter(waitedSince) && farButReachable(s, need)) {
          far.add(need);
        }
      }
      after = page.get(page.size() - 1).id();
    }
    if (near.isEmpty() && far.isEmpty()) {
      return List.of();
    }
    StringBuilder text = new StringBuilder();
    text.append(
        Texts.get(language, "digest.header", s.center().display(), Math.round(s.radiusKm())));
    if (near.isEmpty()) {
      text.append('\n').append(Texts.get(language, "digest.near.none"));
    }
    lines(text, near, language);
    if (!far.isEmpty()) {
      text.append("\n\n").append(Texts.get(language, "digest.far.header"));
      lines(text, far, language);
    }
    text.append("\n\n").append(Texts.get(language, "digest.footer"));
    int limit = limits.getOrDefault(s.group().channel(), 4096);
    return split(text.toString(), limit).stream()
        .map(
            part ->
                OutboundMessage.to(s.group(), part, language)
                    .withSubject(Texts.get(language, "subject.digest"))
                    .about("digest"))
        .toList();
  }

  /**
   * Cuts a text into parts of at most {@code max} characters, between lines where it can, inside a
   * line only when one line alone is too long.
   */
  public static List<String> split(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (part.length() > 0 && part.length() + 1 + line.length() > max) {
        parts.add(part.toString());
        part.setLength(0);
      }
      if (part.length() > 0) {
        part.append('\n');
      }
      String rest = line;
      while (part.length() + rest.length() > max) { // only a line too long for a part of its own
        int room = max - part.length();
        if (room > 1 && Character.isHighSurrogate(rest.charAt(room - 1))) {
          room--; // never cut a character in two
        }
        parts.add(part.append(rest, 0, room).toString());
        part.setLength(0);
        rest = rest.substring(room);
      }
      part.append(rest);
    }
    parts.add(part.toString());
    return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  private static boolean wanted(Subscription s, Listing need) {
    return s.categories().isEmpty()
        || need.categories().stream().anyMatch(s.categories()::contains);
  }

  private static boolean farButReachable(Subscription s, Listing need) {
    boolean sameCountry =
        need.place() != null
            && need.place().country() != null
            && need.place().country().equalsIgnoreCase(s.center().country());
    return sameCountry || Escalations.travels(need);
  }

  /**
   * The oldest {@link #MAX_LINES} needs of a part of a digest, and how many there are in all: the
   * open needs are read a page at a time, and only what is shown is kept.
   */
  private static final class Section {
    private static final Comparator<Listing> OLDEST_FIRST =
        Comparator.comparing(Listing::createdAt).thenComparingLong(Listing::id);
    private final PriorityQueue<Listing> newestOnTop = new PriorityQueue<>(OLDEST_FIRST.reversed());
    private int total;

    void add(Listing need) {
      total++;
      newestOnTop.add(need);
      if (newestOnTop.size() > MAX_LINES) {
        newestOnTop.poll();
      }
    }

    boolean isEmpty() {
      return total == 0;
    }

    List<Listing> oldestFirst() {
      List<Listing> shown = new ArrayList<>(newestOnTop);
      shown.sort(OLDEST_FIRST);
      return shown;
    }
  }

  private static void lines(StringBuilder text, Section section, String language) {
    for (Listing need : section.oldestFirst()) {
      text.append('\n')
          .append(
              Texts.get(
                  language,
                  "digest.line",
                  need.ref(),
                  need.summary(),
                  ListingCommands.placeSuffix(need, language)));
    }
    if (section.total > MAX_LINES) {
      text.append('\n').append(Texts.get(language, "digest.more", section.total - MAX_LINES));
    }
  }
}
