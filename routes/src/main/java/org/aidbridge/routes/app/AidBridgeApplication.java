package org.aidbridge.routes.app;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.aidbridge.bot.BotSettings;
import org.aidbridge.bot.Bots;
import org.aidbridge.bot.ThreadCpu;
import org.aidbridge.bot.lead.CoreGate;
import org.aidbridge.bot.match.MatchIndex;
import org.aidbridge.bot.match.SnapshotKeeper;
import org.aidbridge.bot.place.ShippedPlaces;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;
import org.aidbridge.routes.config.BotSettingsFactory;
import org.aidbridge.routes.config.Settings;
import org.aidbridge.routes.web.WebContext;
import org.aidbridge.routes.web.WebRoutes;
import org.aidbridge.routes.web.WebSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: each configured channel's routes, an outbox timer per channel, and the health
 * endpoint. The store and the bot are given (the caller opens and closes the store); the
 * application owns and closes the rest.
 */
public final class AidBridgeApplication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AidBridgeApplication.class);

  private final CamelContext camel;
  private final List<ChannelAdapter> adapters;
  private final HealthServer health;
  private final RoleSwitch roleSwitch;

  private AidBridgeApplication(
      CamelContext camel, List<ChannelAdapter> adapters, HealthServer health, RoleSwitch roles) {
    this.camel = camel;
    this.adapters = adapters;
    this.health = health;
    this.roleSwitch = roles;
  }

  /**
   * Starts every configured channel of {@code options}, after handling the messages a previous run
   * stored but did not act on: one instance alone on its database, leading every role.
   *
   * @throws org.aidbridge.routes.config.ConfigException when no channel is configured or a setting
   *     is invalid
   */
  public static AidBridgeApplication start(AppContext context, List<ChannelOption> options)
      throws Exception {
    return start(context, options, Leadership.alone());
  }

  /**
   * Starts every configured channel of {@code options} as one of several instances on a database:
   * each channel's intake and the core's work run only while {@code leadership} says this instance
   * leads them, and start or stop as that changes; sending runs everywhere. Before it returns, the
   * leadership has been asked once, so a lone instance starts leading everything, as fast as ever.
   * The caller closes {@code leadership} after this application.
   */
  public static AidBridgeApplication start(
      AppContext context, List<ChannelOption> options, Leadership leadership) throws Exception {
    Settings settings = context.settings();
    List<ChannelOption> chosen = ChannelCatalog.configured(options, settings);
    for (ChannelOption option : options) {
      if (!chosen.contains(option)) {
        LOG.info("{} is off: {}", option.channel().id(), option.howToTurnOn());
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalStateException(ChannelCatalog.nothingConfigured());
    }
    AppSettings app = AppSettings.from(settings);
    AppMetrics metrics = context.metrics();
    Set<Role> roles = EnumSet.of(Role.CORE);
    chosen.forEach(o -> roles.add(Role.of(o.channel())));
    RoleSwitch roleSwitch =
        new RoleSwitch(() -> MatchIndex.refresh(context.store()), context.health(), metrics);
    leadership.start(roles, roleSwitch);
    Map<Role, Boolean> atStart = new EnumMap<>(Role.class);
    roles.forEach(r -> atStart.put(r, roleSwitch.wanted(r)));
    roleSwitch.startWith(atStart);
    metrics.leadership(leadership, roles);
    AppContext gated =
        context.withBot(new CoreGate(context.bot(), context.store(), roleSwitch::coreActive));
    LOG.debug("start: leadership asked at {} ms", Launch.millis());
    int resumed = gated.bot().resumePending();
    LOG.debug("start: stored messages resumed at {} ms", Launch.millis());
    if (resumed > 0) {
      LOG.info("handled {} message(s) stored before the last stop", resumed);
    }
    metrics.readBacklogFrom(context.store()::outboxBacklog);
    AppContext metered = gated.withBot(new MeteredBotService(gated.bot(), metrics));
    List<ChannelAdapter> adapters = new ArrayList<>();
    CamelContext camel = new DefaultCamelContext();
    HealthServer health = null;
    try {
      Set<String> standingBy = new HashSet<>();
      for (ChannelOption option : chosen) {
        ChannelAdapter adapter =
            new MeteredAdapter(option.factory().apply(metered), metrics, context.health());
        if (!atStart.get(Role.of(option.channel()))) {
          adapter.standBy();
          if (adapter.sendsOnlyWhileReceiving()) {
            standingBy.add(OutboxRoutes.routeId(adapter));
          }
        }
        adapters.add(adapter);
      }
      boolean core = atStart.get(Role.CORE);
      camel.getPropertiesComponent().setInitialProperties(properties(settings));
      camel.getShutdownStrategy().setTimeout(10);
      measureRoutes(camel, metrics);
      camel.addRoutes(new ErrorHandling());
      camel.addRoutes(new OutboxRoutes(adapters, context.dispatcher(), standingBy));
      camel.addRoutes(new InboxRoutes(gated.bot(), core));
      camel.addRoutes(
          new HousekeepingRoutes(
              Bots.housekeeping(
                  context.store(),
                  BotSettingsFactory.from(context.settings()),
                  context.clock(),
                  metrics.botEvents()),
              context.clock(),
              MatchIndex.of(context.store()),
              app.housekeepingPeriod(),
              core));
      camel.addRoutes(
          new SnapshotRoutes(new SnapshotKeeper(context.store()), app.snapshotPeriod(), core));
      for (ChannelAdapter adapter : adapters) {
        camel.addRoutes(adapter.routes());
      }
      LOG.debug("start: routes built at {} ms", Launch.millis());
      camel.start();
      LOG.debug("start: routes started at {} ms", Launch.millis());
      if (LOG.isDebugEnabled()) {
        LOG.debug("start: the main thread used {} ms of processor time", ThreadCpu.millis());
      }
      roleSwitch.manage(adapters);
      roleSwitch.goLive(camel);
      health =
          startHealth(
              context,
              app,
              report(context, app, adapters, camel, leadership, roles, roleSwitch),
              metrics,
              camel);
      AidBridgeApplication running = new AidBridgeApplication(camel, adapters, health, roleSwitch);
      LOG.info(
          "AidBridge is running on: {} ({} ms after launch{})",
          String.join(", ", running.channels()),
          Launch.millis(),
          MatchIndex.of(context.store()).complete() ? "" : "; the match index is still read");
      if (!atStart.values().stream().allMatch(Boolean::booleanValue)) {
        LOG.info(
            "standing by for: {} (another instance leads them; {})",
            roles.stream().filter(r -> !atStart.get(r)).map(Role::id).toList(),
            leadership.mechanism());
      }
      return running;
    } catch (Exception | Error e) {
      new AidBridgeApplication(camel, adapters, health, roleSwitch).close();
      throw e;
    }
  }

  /** Camel's own metrics of every route (exchanges, failures, time) in the same registry. */
  private static void measureRoutes(CamelContext camel, AppMetrics metrics) {
    camel.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, metrics.registry());
    MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
    routeMetrics.setMeterRegistry(metrics.registry());
    camel.addRoutePolicyFactory(routeMetrics);
  }

  private static HealthReport report(
      AppContext context,
      AppSettings app,
      List<ChannelAdapter> adapters,
      CamelContext camel,
      Leadership leadership,
      Set<Role> roles,
      RoleSwitch roleSwitch) {
    return new HealthReport(
        adapters.stream().map(ChannelAdapter::channel).toList(),
        context.health(),
        context.store()::outboxBacklog,
        camel::isStarted,
        app.healthDownAfter(),
        context.clock(),
        leadership,
        roles,
        roleSwitch::working,
        stillReading(MatchIndex.of(context.store())));
  }

  /**
   * What the start is still reading that handling messages needs: the match index, and the shipped
   * gazetteer when this run uses it (a message parsed before it is read waits for it).
   */
  private static Supplier<List<String>> stillReading(MatchIndex index) {
    return () -> {
      List<String> parts = new ArrayList<>(2);
      if (!index.complete()) {
        parts.add("match_index");
      }
      if (!ShippedPlaces.readOrNotAsked()) {
        parts.add("gazetteer");
      }
      return parts;
    };
  }

  /** The ids of the running channels, such as {@code email}. */
  public List<String> channels() {
    return adapters.stream().map(a -> a.channel().id()).toList();
  }

  /** The port of the health and metrics endpoints, or -1 when they are off. */
  public int healthPort() {
    return health == null ? -1 : health.port();
  }

  public CamelContext camel() {
    return camel;
  }

  /** Stops receiving first, then sending, then releases the channels' connections. */
  @Override
  public void close() {
    if (health != null) {
      health.close();
    }
    roleSwitch.close(); // no role starts or stops any more
    for (ChannelAdapter adapter : adapters) {
      try {
        adapter.stopReceiving();
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed: {}", adapter.channel().id(), e.getClass().getSimpleName());
      }
    }
    try {
      camel.close();
    } catch (Exception e) {
      LOG.warn("stopping the routes failed: {}", e.getClass().getSimpleName());
    }
    for (ChannelAdapter adapter : adapters) {
      try {
        adapter.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", adapter.channel().id(), e.getClass().getSimpleName());
      }
    }
  }

  private static HealthServer startHealth(
      AppContext context,
      AppSettings app,
      HealthReport report,
      AppMetrics metrics,
      CamelContext camel) {
    if (!app.httpOn()) {
      return null;
    }
    String host = app.httpHost();
    try {
      HealthServer health =
          HealthServer.start(
              host,
              app.httpPort(),
              report::answer,
              metrics::scrape,
              dashboard(context, report, camel));
      LOG.info("health endpoint: http://{}:{}/health (metrics: /metrics)", host, health.port());
      LOG.info(
          "dashboard: {}/ (a coordinator sends dashboard to get a sign-in link)",
          WebSettings.from(context.settings()).addressOnce(health.port()));
      return health;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + app.httpPort(), e);
    }
  }

  /** The coordinators' web dashboard, on the same server as the health endpoint. */
  private static Map<String, HttpHandler> dashboard(
      AppContext context, HealthReport report, CamelContext camel) {
    BotSettings bot = BotSettingsFactory.from(context.settings());
    WebContext web =
        new WebContext(
            context.store(),
            Bots.dashboardAccess(context.store(), bot, context.clock()),
            Bots.desk(context.store(), bot, context.clock(), ShippedPlaces.loadingInBackground()),
            WebSettings.from(context.settings()),
            bot,
            report.channelIds(),
            camel::isStarted,
            report::channelStates,
            context.clock());
    return WebRoutes.handlers(web);
  }

  /** Every setting as a Camel property, so routes can say {@code {{imap.poll.ms}}}. */
  private static Properties properties(Settings settings) {
    Properties props = new Properties();
    props.putAll(settings.withPrefix(""));
    return props;
  }
}
