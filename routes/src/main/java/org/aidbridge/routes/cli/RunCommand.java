package org.aidbridge.routes.cli;

import java.io.PrintWriter;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.aidbridge.bot.match.MatchIndex;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.place.PlaceFinder;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.store.DatabaseLogin;
import org.aidbridge.bot.store.SharedDatabase;
import org.aidbridge.bot.store.Store;
import org.aidbridge.routes.app.AidBridgeApplication;
import org.aidbridge.routes.app.AppContext;
import org.aidbridge.routes.app.ChannelCatalog;
import org.aidbridge.routes.app.ChannelOption;
import org.aidbridge.routes.app.Launch;
import org.aidbridge.routes.app.Leaderships;
import org.aidbridge.routes.config.Paths;
import org.aidbridge.routes.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the bot on every channel that is configured, until stopped (Ctrl-C or SIGTERM).",
      "A channel without configuration is off; the log says how to turn it on."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  /** Exit status when there is nothing to run. */
  static final int NOTHING_TO_RUN = 2;

  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings = parent.settings();
    // A database the bot cannot open is the first thing to say, whatever else is missing.
    Paths.requireSupported(settings);
    List<ChannelOption> channels = ChannelCatalog.standard();
    if (ChannelCatalog.configured(channels, settings).isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("aidbridge: " + ChannelCatalog.nothingConfigured());
      err.flush();
      return NOTHING_TO_RUN;
    }
    run(parent, settings, channels);
    return 0;
  }

  /**
   * How this instance shares its database with others: advisory locks on a database server, a lock
   * file beside a SQLite file.
   */
  private static Leadership leadership(Store store, Settings settings, AidBridgeCli parent) {
    if (store instanceof SharedDatabase shared) {
      DatabaseLogin login = shared.login();
      return Leaderships.forPostgres(
          () -> DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password()),
          settings);
    }
    return Leaderships.forSqlite(
        Paths.database(settings, parent.environment().workingDir()), settings);
  }

  /**
   * After the last change, the match index's snapshot for the next start (which then reads one file
   * instead of every active listing, if the listings are still as they were). A snapshot that
   * cannot be written only makes the next start read the store.
   */
  private static void saveMatchIndexSnapshot(Store store) {
    try {
      MatchIndex.saveSnapshot(store);
    } catch (RuntimeException e) {
      LOG.warn("the match index snapshot was not written: {}", e.toString());
    }
  }

  /** Runs the application on {@code settings} until the process is asked to stop. */
  static void run(AidBridgeCli parent, Settings settings, List<ChannelOption> channels)
      throws Exception {
    Core core = Core.from(settings);
    LexiconParser.prepareInBackground(); // trains while the store opens and the gazetteer loads
    PlaceFinder places = core.places(); // starts reading the gazetteer while the store opens
    Clock clock = parent.environment().clock();
    try (UntilStopped stop = new UntilStopped();
        Store store = core.openStore(parent.environment().workingDir());
        Leadership leadership = leadership(store, settings, parent)) {
      LOG.debug("start: store open at {} ms", Launch.millis());
      MatchIndex.of(store); // starts reading the match index while the rest starts
      AppContext context = AppContext.build(settings, store, clock, places);
      try (AidBridgeApplication app = AidBridgeApplication.start(context, channels, leadership)) {
        stop.await();
      }
      saveMatchIndexSnapshot(store);
    }
  }
}
