package org.aidbridge.bot.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.i18n.Texts;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Category;
import org.aidbridge.bot.model.Channel;
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

  /**
   * {@code subscribe <place> [radius km] [categories...]} in a group, by an admin of it or a
   * coordinator; or {@code subscribe list@example.org <place> ...} privately, by a coordinator, for
   * an email distribution list.
   */
  public List<OutboundMessage> subscribe(InboundMessage message, String args, String language) {
    Target target = target(message, args);
    if (target.refusal() != null) {
      return replies.say(message, language, target.refusal());
    }
    SubscribeArgs parsed = SubscribeArgs.parse(target.rest());
    if (parsed.place().isBlank()) {
      return replies.say(message, language, "subscribe.usage");
    }
    Optional<Place> center =
        places.resolve(parsed.place(), settings.homeCountry()).filter(Place::resolved);
    if (center.isEmpty()) {
      return replies.say(message, language, "subscribe.unknown.place", parsed.place());
    }
    double radius = parsed.radiusKm().orElse(DEFAULT_RADIUS_KM);
    Subscription subscription =
        new Subscription(target.group(), center.get(), radius, parsed.categories(), language);
    store.saveSubscription(subscription);
    return replies.say(message, language, "subscribe.ok", describe(subscription, language));
  }

  public List<OutboundMessage> unsubscribe(InboundMessage message, String args, String language) {
    Target target = target(message, args);
    if (target.refusal() != null) {
      return replies.say(message, language, target.refusal());
    }
    boolean had = store.deleteSubscription(target.group());
    return replies.say(message, language, had ? "unsubscribe.ok" : "unsubscribe.none");
  }

  /** Which group a subscription command is about, or why the sender may not change it. */
  private record Target(Address group, String rest, String refusal) {}

  private Target target(InboundMessage message, String args) {
    String[] words = args.strip().split("\\s+", 2);
    boolean list = words[0].matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    if (list && !message.inGroup()) {
      if (!Coordination.isCoordinator(store, settings, message.sender())) {
        return new Target(null, "", "coordinator.only");
      }
      String address = words[0].toLowerCase(java.util.Locale.ROOT);
      return new Target(
          Address.group(Channel.EMAIL, address), words.length > 1 ? words[1] : "", null);
    }
    if (!message.inGroup()) {
      return new Target(null, "", "group.only");
    }
    if (!message.senderIsGroupAdmin()
        && !Coordination.isCoordinator(store, settings, message.sender())) {
      return new Target(null, "", "group.not.admin");
    }
    return new Target(message.group(), args, null);
  }

  /**
   * The country of the area a subscribed group covers: a place named in its messages is first
   * looked for there (a same-named town abroad weighs less).
   */
  public Optional<String> countryOf(InboundMessage message) {
    if (!message.inGroup()) {
      return Optional.empty();
    }
    return store
        .subscriptionOf(message.group())
        .map(s -> s.center().country())
        .filter(c -> c != null && !c.isBlank());
  }

  public List<OutboundMessage> status(InboundMessage message, String language) {
    if (!message.inGroup()) {
      return replies.say(message, language, "group.only");
    }
    return store
        .subscriptionOf(message.group())
        .map(s -> replies.say(message, language, "status.subscribed", describe(s, language)))
        .orElseGet(() -> replies.say(message, language, "status.none"));
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
