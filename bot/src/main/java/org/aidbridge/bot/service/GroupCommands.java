package org.aidbridge.bot.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.model.OutboundMessage;
import org.aidbridge.bot.model.Place;
import org.aidbridge.bot.model.Subscription;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.store.Store;

/** {@code subscribe}, {@code unsubscribe} and {@code status}: what a group hears about. */
public final class GroupCommands {
  static final double DEFAULT_RADIUS_KM = 50;

  private final Store store;
  private final PlaceFinder places;
  private final Replies replies;
  private final BotSettings settings;

  public GroupCommands(Store store, PlaceFinder places, Replies replies, BotSettings settings) {
    this.store = store;
    this.places = places;
    this.replies = replies;
    this.settings = settings;
  }

  /** {@code subscribe <place> [radius km] [categories...]}, by a group admin or a coordinator. */
  public List<OutboundMessage> subscribe(InboundMessage message, String args, String language) {
    Optional<List<OutboundMessage>> refused = refuse(message, language);
    if (refused.isPresent()) {
      return refused.get();
    }
    SubscribeArgs parsed = SubscribeArgs.parse(args);
    if (parsed.place().isBlank()) {
      return say(message, language, "subscribe.usage");
    }
    Optional<Place> center =
        places.resolve(parsed.place(), settings.homeCountry()).filter(Place::resolved);
    if (center.isEmpty()) {
      return say(message, language, "subscribe.unknown.place", parsed.place());
    }
    double radius = parsed.radiusKm().orElse(DEFAULT_RADIUS_KM);
    Subscription subscription =
        new Subscription(message.group(), center.get(), radius, parsed.categories(), language);
    store.saveSubscription(subscription);
    return say(message, language, "subscribe.ok", describe(subscription, language));
  }

  public List<OutboundMessage> unsubscribe(InboundMessage message, String language) {
    Optional<List<OutboundMessage>> refused = refuse(message, language);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean had = store.deleteSubscription(message.group());
    return say(message, language, had ? "unsubscribe.ok" : "unsubscribe.none");
  }

  public List<OutboundMessage> status(InboundMessage message, String language) {
    if (!message.inGroup()) {
      return say(message, language, "group.only");
    }
    return store
        .subscriptionOf(message.group())
        .map(s -> say(message, language, "status.subscribed", describe(s, language)))
        .orElseGet(() -> say(message, language, "status.none"));
  }

  private Optional<List<OutboundMessage>> refuse(InboundMessage message, String language) {
    if (!message.inGroup()) {
      return Optional.of(say(message, language, "group.only"));
    }
    if (!message.senderIsGroupAdmin() && !settings.isCoordinator(message.sender())) {
      return Optional.of(say(message, language, "group.not.admin"));
    }
    return Optional.empty();
  }

  /** The arguments of the "subscribe.ok"/"status.subscribed" texts: place, km, categories. */
  private static Object[] describe(Subscription s, String language) {
    String categories =
        s.categories().isEmpty()
            ? ""
            : Texts.get(
                language,
                "categories.for",
                s.categories().stream()
                    .sorted()
                    .map(c -> Texts.get(language, "category." + c.id()))
                    .collect(Collectors.joining(", ")));
    return new Object[] {s.center().display(), Math.round(s.radiusKm()), categories};
  }

  private List<OutboundMessage> say(
      InboundMessage message, String language, String key, Object... args) {
    return List.of(replies.answer(message, language, Texts.get(language, key, args)));
  }

  /** The words of a subscribe command: a place, then maybe a radius, then maybe categories. */
  record SubscribeArgs(String place, Optional<Double> radiusKm, Set<Category> categories) {
    static SubscribeArgs parse(String args) {
      List<String> placeWords = new ArrayList<>();
      Double radius = null;
      Set<Category> categories = EnumSet.noneOf(Category.class);
      for (String word : args.strip().split("\\s+")) {
        String plain = toAsciiDigits(word).replaceAll("(?i)km$", "");
        Optional<Category> category = Category.fromId(word);
        if (radius == null && plain.matches("\\d+(\\.\\d+)?")) {
          radius = Double.parseDouble(plain);
        } else if (category.isPresent() && !placeWords.isEmpty()) {
          categories.add(category.get());
        } else if (radius == null && categories.isEmpty() && !word.isBlank()) {
          placeWords.add(word);
        }
      }
      return new SubscribeArgs(
          String.join(" ", placeWords), Optional.ofNullable(radius), categories);
    }

    private static String toAsciiDigits(String s) {
      StringBuilder out = new StringBuilder(s.length());
      for (char c : s.toCharArray()) {
        out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
      }
      return out.toString();
    }
  }
}
