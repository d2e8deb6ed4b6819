package org.aidbridge.bot;

import java.time.Clock;
import org.aidbridge.bot.match.MatchScorer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.service.Broadcasts;
import org.aidbridge.bot.service.ChannelCopiesRegistry;
import org.aidbridge.bot.service.Confirmations;
import org.aidbridge.bot.service.Coordination;
import org.aidbridge.bot.service.CoordinatorDesk;
import org.aidbridge.bot.service.DashboardAccess;
import org.aidbridge.bot.service.DefaultBotService;
import org.aidbridge.bot.service.Digests;
import org.aidbridge.bot.service.Escalations;
import org.aidbridge.bot.service.Forgetting;
import org.aidbridge.bot.service.GroupCommands;
import org.aidbridge.bot.service.Housekeeping;
import org.aidbridge.bot.service.KindQuestion;
import org.aidbridge.bot.service.Lifecycle;
import org.aidbridge.bot.service.Links;
import org.aidbridge.bot.service.ListingCommands;
import org.aidbridge.bot.service.MatchNotifier;
import org.aidbridge.bot.service.Questions;
import org.aidbridge.bot.service.Relay;
import org.aidbridge.bot.service.Renewals;
import org.aidbridge.bot.service.Replies;
import org.aidbridge.bot.service.Responder;
import org.aidbridge.bot.store.Store;

/** Builds the bot from its parts. The one place that knows how the core is wired. */
public final class Bots {
  private Bots() {}

  /** The bot as it runs: the lexicon parser with the offline gazetteer. */
  public static BotService create(Store store, BotSettings settings, Clock clock) {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    return create(store, settings, clock, new LexiconParser(gazetteer), gazetteer);
  }

  /** The bot with a given parser and place finder, without the web dashboard. */
  public static BotService create(
      Store store, BotSettings settings, Clock clock, ListingParser parser, PlaceFinder places) {
    return create(store, settings, clock, parser, places, null, BotEvents.NONE);
  }

  /**
   * The bot with a given parser and place finder; {@code dashboardUrl} is where coordinators open
   * the web dashboard (the {@code dashboard} command's links start with it), or null when it is
   * off.
   */
  public static BotService create(
      Store store,
      BotSettings settings,
      Clock clock,
      ListingParser parser,
      PlaceFinder places,
      String dashboardUrl) {
    return create(store, settings, clock, parser, places, dashboardUrl, BotEvents.NONE);
  }

  /** The bot with a given parser and place finder, reporting what it does to {@code events}. */
  public static BotService create(
      Store store,
      BotSettings settings,
      Clock clock,
      ListingParser parser,
      PlaceFinder places,
      BotEvents events) {
    return create(store, settings, clock, parser, places, null, events);
  }

  /**
   * The bot as the application runs it: the web dashboard's address (or null when it is off), and
   * {@code events} told what the bot does (for metrics).
   */
  public static BotService create(
      Store store,
      BotSettings settings,
      Clock clock,
      ListingParser reader,
      PlaceFinder places,
      String dashboardUrl,
      BotEvents events) {
    ListingParser parser = reported(reader, events);
    Replies replies = new Replies(settings.defaultLanguage());
    ChannelCopiesRegistry copies = new ChannelCopiesRegistry();
    Matcher matcher = new Matcher(store, new MatchScorer(settings.maxDistanceKm()));
    MatchNotifier notifier = new MatchNotifier(store, matcher, replies, settings, clock, events);
    Questions questions = new Questions(store, parser, places, notifier, replies, settings, clock);
    ListingCommands listings =
        new ListingCommands(store, notifier, questions, replies, settings, clock, events);
    GroupCommands groups = new GroupCommands(store, places, replies, settings);
    Links links = new Links(store, replies, clock);
    Relay relay = new Relay(store, replies, links, clock);
    Broadcasts broadcasts = new Broadcasts(store, places, replies, settings, clock);
    Coordination coordination =
        new Coordination(
            store,
            broadcasts,
            new DashboardAccess(store, settings, replies, clock, dashboardUrl),
            digests(store, settings),
            notifier,
            replies,
            settings,
            clock);
    Lifecycle lifecycle =
        new Lifecycle(
            new Renewals(store, notifier, replies, settings, clock),
            new Forgetting(store, replies, clock, copies));
    Responder responder =
        new Responder(
            parser,
            listings,
            questions,
            groups,
            relay,
            links,
            coordination,
            replies,
            settings,
            clock,
            lifecycle,
            new Confirmations(store, replies, clock),
            store,
            new KindQuestion(store, parser, listings, replies, settings, clock));
    return new DefaultBotService(store, responder, replies, clock, copies);
  }

  /**
   * What time brings, for the application to run on a schedule: {@code run(clock.instant())} every
   * minute or so (see {@link Housekeeping#run}).
   */
  public static Housekeeping housekeeping(Store store, BotSettings settings, Clock clock) {
    return housekeeping(store, settings, clock, BotEvents.NONE);
  }

  /** As {@link #housekeeping(Store, BotSettings, Clock)}, reporting matches to {@code events}. */
  public static Housekeeping housekeeping(
      Store store, BotSettings settings, Clock clock, BotEvents events) {
    Replies replies = new Replies(settings.defaultLanguage());
    Matcher matcher = new Matcher(store, new MatchScorer(settings.maxDistanceKm()));
    MatchNotifier notifier = new MatchNotifier(store, matcher, replies, settings, clock, events);
    return new Housekeeping(
        store,
        new Renewals(store, notifier, replies, settings, clock),
        new Escalations(store, settings),
        digests(store, settings),
        settings);
  }

  /** Sign-in to the web dashboard, for the web server (the links come from the chat command). */
  public static DashboardAccess dashboardAccess(Store store, BotSettings settings, Clock clock) {
    return new DashboardAccess(
        store, settings, new Replies(settings.defaultLanguage()), clock, null);
  }

  /** What coordinators do from the web dashboard: close, hide, renew, broadcast. */
  public static CoordinatorDesk desk(
      Store store, BotSettings settings, Clock clock, PlaceFinder places) {
    Replies replies = new Replies(settings.defaultLanguage());
    Matcher matcher = new Matcher(store, new MatchScorer(settings.maxDistanceKm()));
    MatchNotifier notifier = new MatchNotifier(store, matcher, replies, settings, clock);
    Broadcasts broadcasts = new Broadcasts(store, places, replies, settings, clock);
    return new CoordinatorDesk(store, notifier, broadcasts, replies, places, settings, clock);
  }

  /** Group digests, for the schedule and for a coordinator's {@code digest} command. */
  public static Digests digests(Store store, BotSettings settings) {
    return new Digests(store, settings, Digests.DEFAULT_LIMITS);
  }

  /** The parser, telling {@code events} what each text turned out to be. */
  private static ListingParser reported(ListingParser parser, BotEvents events) {
    if (events == BotEvents.NONE) {
      return parser;
    }
    return (text, context) -> {
      ParsedMessage parsed = parser.parse(text, context);
      events.parsed(parsed.listingKind().orElse(null));
      return parsed;
    };
  }
}
