package org.aidbridge.routes.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops each role's work as the {@link Leadership} says this instance gains or loses it:
 * a channel's intake (its adapter's receiving, and Signal's outbox, which needs its connection),
 * and the core's routes (the inbox retry, housekeeping, the match index's snapshot). On gaining the
 * core the match index is read again from the store first, since other instances changed it
 * meanwhile.
 *
 * <p>What the leadership says is written down at once (losing the core stops the bot's handling
 * before anything else); each role's work is started and stopped on a thread of that role, in
 * order, once Camel runs ({@link #goLive}).
 */
final class RoleSwitch implements Leadership.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoleSwitch.class);

  /** What the core's role runs besides the bot's handling. */
  static final List<String> CORE_ROUTES =
      List.of(InboxRoutes.ROUTE_ID, HousekeepingRoutes.ROUTE_ID, SnapshotRoutes.ROUTE_ID);

  private final Map<Role, ChannelAdapter> adapters = new EnumMap<>(Role.class);
  private final Runnable refreshIndex;
  private final ChannelHealth health;
  private final AppMetrics metrics;
  // One thread per role: a slow start of one (a channel's server answering slowly) does not hold
  // up the others' takeover; each role's changes are applied in order.
  private final Map<Role, ExecutorService> workers = new EnumMap<>(Role.class);
  private final Map<Role, Boolean> wanted = new EnumMap<>(Role.class); // guarded by this
  private final Map<Role, Boolean> running = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean coreActive;
  private volatile CamelContext camel; // set once live

  /**
   * @param refreshIndex reads the match index again from the store
   */
  RoleSwitch(Runnable refreshIndex, ChannelHealth health, AppMetrics metrics) {
    for (Role role : Role.values()) {
      workers.put(
          role,
          Executors.newSingleThreadExecutor(
              r -> {
                Thread thread = new Thread(r, "role-" + role.id());
                thread.setDaemon(true);
                return thread;
              }));
    }
    this.refreshIndex = refreshIndex;
    this.health = health;
    this.metrics = metrics;
  }

  @Override
  public void gained(Role role) {
    metrics.leadershipChanged(role, true);
    synchronized (this) {
      wanted.put(role, true);
    }
    workers.get(role).execute(() -> apply(role));
  }

  @Override
  public void lost(Role role) {
    metrics.leadershipChanged(role, false);
    if (role == Role.CORE) {
      coreActive = false; // at once: no message is handled here from now on
    }
    synchronized (this) {
      wanted.put(role, false);
    }
    workers.get(role).execute(() -> apply(role));
  }

  /** Whether this instance leads {@code role} as far as it has been told (before Camel runs). */
  synchronized boolean wanted(Role role) {
    return wanted.getOrDefault(role, false);
  }

  /** Whether {@code role}'s work runs here (started since this instance gained it). */
  boolean working(Role role) {
    return running.getOrDefault(role, false);
  }

  /** Whether the core's work runs here: led, and the match index read since it was gained. */
  boolean coreActive() {
    return coreActive;
  }

  /** The channels whose intake it starts and stops; before {@link #goLive}. */
  void manage(List<ChannelAdapter> channels) {
    synchronized (adapters) {
      channels.forEach(a -> adapters.put(Role.of(a.channel()), a));
    }
  }

  /**
   * The roles led before Camel started already run (their routes started with it, the index was
   * read when the bot was made); from now on every change is applied.
   */
  void goLive(CamelContext started) {
    camel = started;
    workers.forEach((role, worker) -> worker.execute(() -> apply(role)));
  }

  /** Before Camel starts: records what runs from the start (the rest stands by). */
  void startWith(Map<Role, Boolean> atStart) {
    running.putAll(atStart);
    if (atStart.getOrDefault(Role.CORE, false)) {
      coreActive = true;
    }
  }

  /** On the role's worker: brings what runs of it in line with what is wanted. */
  private void apply(Role role) {
    if (camel == null) {
      return;
    }
    boolean lead = wanted(role);
    if (running.getOrDefault(role, false) == lead) {
      return;
    }
    try {
      if (lead) {
        start(role);
      } else {
        stop(role);
      }
      running.put(role, lead);
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", lead ? "starting" : "stopping", role.id(), e);
    }
  }

  private void start(Role role) {
    if (role == Role.CORE) {
      refreshIndex.run();
      coreActive = true;
      routes(CORE_ROUTES, true);
      LOG.info("this instance now handles messages, matches and housekeeping (core)");
      return;
    }
    ChannelAdapter adapter = adapter(role);
    if (adapter == null) {
      return;
    }
    health.rearm(adapter.channel());
    adapter.startReceiving();
    if (adapter.sendsOnlyWhileReceiving()) {
      routes(List.of(OutboxRoutes.routeId(adapter)), true);
    }
    LOG.info("this instance now takes in {}", role.id());
  }

  private void stop(Role role) {
    if (role == Role.CORE) {
      coreActive = false;
      routes(CORE_ROUTES, false);
      LOG.info("this instance stands by for the core");
      return;
    }
    ChannelAdapter adapter = adapter(role);
    if (adapter == null) {
      return;
    }
    adapter.stopReceiving();
    if (adapter.sendsOnlyWhileReceiving()) {
      routes(List.of(OutboxRoutes.routeId(adapter)), false);
    }
    LOG.info("this instance stands by for {}", role.id());
  }

  /** The channel adapter of {@code role}, or null when that channel is not run here. */
  private ChannelAdapter adapter(Role role) {
    synchronized (adapters) {
      return adapters.get(role);
    }
  }

  private void routes(List<String> ids, boolean start) {
    for (String id : ids) {
      try {
        if (start) {
          camel.getRouteController().startRoute(id);
        } else {
          camel.getRouteController().stopRoute(id);
        }
      } catch (Exception e) {
        throw new IllegalStateException((start ? "starting " : "stopping ") + id + " failed", e);
      }
    }
  }

  @Override
  public void close() {
    workers.values().forEach(ExecutorService::shutdownNow);
    try {
      for (ExecutorService worker : workers.values()) {
        worker.awaitTermination(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
