package org.aidbridge.bot.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.place.NameNormalizer;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.BroadcastDraft;
import org.aidbridge.bot.store.Store;

/**
 * {@code broadcast <area|all> [category] <text>}: a coordinator's message to every subscribed group
 * of an area, whatever its channel. It is previewed first and sent only on {@code broadcast
 * confirm}, so a typo never reaches a hundred groups. The dashboard composes the same drafts from
 * separate fields and sends them through {@link #messagesFor}.
 */
public final class Broadcasts {
  static final Duration CONFIRM_WITHIN = Duration.ofMinutes(10);
  private static final int LONGEST_AREA_WORDS = 3;

  private final Store store;
  private final PlaceFinder places;
  private final Replies replies;
  private final BotSettings settings;
  private final Clock clock;

  public Broadcasts(
      Store store, PlaceFinder places, Replies replies, BotSettings settings, Clock clock) {
    this.store = store;
    this.places = places;
    this.replies = replies;
    this.settings = settings;
    this.clock = clock;
  }

  /** A broadcast to make: where (null for everywhere), what category (or null), and the text. */
  public record Draft(Place area, Category category, String text) {}

  public List<OutboundMessage> command(InboundMessage message, String args, String language) {
    String word = args.strip().toLowerCase(Locale.ROOT);
    if (word.equals("confirm") || word.equals("cancel")) {
      Optional<BroadcastDraft> pending = store.takeBroadcastDraft(message.sender());
      if (pending.isEmpty() || word.equals("cancel")) {
        return replies.say(
            message, language, pending.isEmpty() ? "broadcast.nothing" : "broadcast.cancelled");
      }
      return send(message, pending.get(), language);
    }
    Optional<Draft> draft = parse(args);
    if (draft.isEmpty()) {
      return replies.say(message, language, "broadcast.usage");
    }
    List<Subscription> groups = groupsFor(draft.get());
    Draft d = draft.get();
    store.saveBroadcastDraft(
        message.sender(),
        new BroadcastDraft(d.area(), d.category(), d.text(), clock.instant().plus(CONFIRM_WITHIN)));
    return replies.say(
        message,
        language,
        "broadcast.preview",
        groups.size(),
        byChannel(groups),
        draft.get().text(),
        categoryName(draft.get().category(), language));
  }

  /** The category as a preview names it: its id, or the words for "every category". */
  public static String categoryName(Category category, String language) {
    return category == null ? Texts.get(language, "broadcast.category.any") : category.id();
  }

  private List<OutboundMessage> send(
      InboundMessage message, BroadcastDraft pending, String language) {
    if (pending.expiresAt().isBefore(clock.instant())) {
      return replies.say(message, language, "broadcast.nothing");
    }
    Draft draft = new Draft(pending.area(), pending.category(), pending.text());
    List<OutboundMessage> out = new ArrayList<>(messagesFor(draft));
    out.addAll(replies.say(message, language, "broadcast.sent", out.size()));
    return out;
  }

  /** One message to each group the draft reaches, in the group's language. */
  public List<OutboundMessage> messagesFor(Draft draft) {
    return groupsFor(draft).stream()
        .map(s -> OutboundMessage.to(s.group(), groupText(s, draft), s.language()))
        .toList();
  }

  /** The text exactly as the group will see it. */
  public static String groupText(Subscription group, Draft draft) {
    return Texts.get(group.language(), "broadcast.message", draft.text());
  }

  /** The subscribed groups whose area holds the broadcast's area, in its category. */
  public List<Subscription> groupsFor(Draft draft) {
    return store.subscriptions().stream()
        .filter(s -> draft.area() == null || s.center().distanceKm(draft.area()) <= s.radiusKm())
        .filter(
            s ->
                draft.category() == null
                    || s.categories().isEmpty()
                    || s.categories().contains(draft.category()))
        .toList();
  }

  /**
   * The longest run of leading words that is a known place (or "all"), a category, the text. A word
   * is the category only when written as its id in lower case ({@code water}) or followed by a
   * colon ({@code Water:}): "broadcast Portland Water distribution at 3pm" keeps "Water" in the
   * text.
   */
  Optional<Draft> parse(String args) {
    List<String> words = Arrays.asList(args.strip().split("\\s+"));
    if (words.size() < 2) {
      return Optional.empty();
    }
    Place area = null;
    int used = 0;
    if (words.get(0).equalsIgnoreCase("all")) {
      used = 1;
    } else {
      for (int n = Math.min(LONGEST_AREA_WORDS, words.size() - 1); n >= 1 && area == null; n--) {
        String typed = String.join(" ", words.subList(0, n));
        // The gazetteer forgives extra words; here they belong to the text, so the place's own
        // name must begin with all the words taken as the area.
        Optional<Place> place =
            places
                .resolve(typed, settings.homeCountry())
                .filter(Place::resolved)
                .filter(
                    p ->
                        NameNormalizer.normalize(p.name())
                            .startsWith(NameNormalizer.normalize(typed)));
        if (place.isPresent()) {
          area = place.get();
          used = n;
        }
      }
      if (area == null) {
        return Optional.empty();
      }
    }
    Optional<Category> category = categoryWord(words.get(used));
    if (category.isPresent()) {
      used++;
    }
    String text = String.join(" ", words.subList(used, words.size())).strip();
    return text.isEmpty()
        ? Optional.empty()
        : Optional.of(new Draft(area, category.orElse(null), text));
  }

  private static Optional<Category> categoryWord(String word) {
    if (word.endsWith(":")) {
      return Category.fromId(word.substring(0, word.length() - 1));
    }
    return Category.fromId(word).filter(c -> c.id().equals(word));
  }

  /** How many groups per channel, such as {@code signal 1, telegram 2}. */
  public static String byChannel(List<Subscription> groups) {
    Map<String, Long> counts =
        groups.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.group().channel().id(), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
