package org.aidbridge.bot;

import java.time.Clock;
import org.aidbridge.bot.match.MatchScorer;
import org.aidbridge.bot.match.Matcher;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.parse.ListingParser;
import org.aidbridge.bot.place.Gazetteer;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.service.Broadcasts;
import org.aidbridge.bot.service.Coordination;
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

  /** The bot with a given parser and place finder. */
  public static BotService create(
      Store store, BotSettings settings, Clock clock, ListingParser parser, PlaceFinder places) {
    Replies replies = new Replies(settings.defaultLanguage());
    Matcher matcher = new Matcher(store, new MatchScorer(settings.maxDistanceKm()));
    MatchNotifier notifier = new MatchNotifier(store, matcher, replies, settings, clock);
    Questions questions = new Questions(store, parser, places, notifier, replies, settings, clock);
    ListingCommands listings =
        new ListingCommands(store, notifier, questions, replies, settings, clock);
    GroupCommands groups = new GroupCommands(store, places, replies, settings);
    Links links = new Links(store, replies, clock);
    Relay relay = new Relay(store, replies, links, clock);
    Broadcasts broadcasts = new Broadcasts(store, places, replies, settings, clock);
    Coordination coordination =
        new Coordination(
            store, broadcasts, digests(store, settings), notifier, replies, settings, clock);
    Lifecycle lifecycle =
        new Lifecycle(
            new Renewals(store, notifier, replies, settings, clock),
            new Forgetting(store, replies, clock));
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
            new KindQuestion(store, parser, listings, replies, settings, clock));
    return new DefaultBotService(store, responder, replies, clock);
  }

  /**
   * What time brings, for the application to run on a schedule: {@code run(clock.instant())} every
   * minute or so (see {@link Housekeeping#run}).
   */
  public static Housekeeping housekeeping(Store store, BotSettings settings, Clock clock) {
    Replies replies = new Replies(settings.defaultLanguage());
    Matcher matcher = new Matcher(store, new MatchScorer(settings.maxDistanceKm()));
    MatchNotifier notifier = new MatchNotifier(store, matcher, replies, settings, clock);
    return new Housekeeping(
        store,
        new Renewals(store, notifier, replies, settings, clock),
        new Escalations(store, settings),
        digests(store, settings),
        settings);
  }

  /** Group digests, for the schedule and for a coordinator's {@code digest} command. */
  public static Digests digests(Store store, BotSettings settings) {
    return new Digests(store, settings, Digests.DEFAULT_LIMITS);
  }
}
