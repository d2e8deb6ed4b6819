package org.aidbridge.routes.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;
import org.aidbridge.bot.store.OutboxBacklog;
import org.aidbridge.routes.web.ChannelState;

/**
 * The body of {@code /health}: overall status, each running channel's probes and the outbox. DOWN
 * (HTTP 503) when the routes are not running or a channel has been down for longer than {@code
 * health.down.after.seconds}; the channels at fault are named in {@code down}. STARTING (HTTP 503
 * too) while the match index is still being read from the store: messages are taken in and stored
 * meanwhile, but the first to be handled would wait for the rest of the index.
 */
final class HealthReport {
  /** A status code and a JSON-ready body. */
  record Answer(int status, Map<String, Object> body) {}

  private final List<Channel> channels;
  private final ChannelHealth health;
  private final Supplier<OutboxBacklog> backlog;
  private final BooleanSupplier routesRunning;
  private final Duration downAfter;
  private final Clock clock;
  private final Leadership leadership;
  private final Set<Role> roles;
  private final Predicate<Role> working;
  private final Supplier<List<String>> stillReading;

  HealthReport(
      List<Channel> channels,
      ChannelHealth health,
      Supplier<OutboxBacklog> backlog,
      BooleanSupplier routesRunning,
      Duration downAfter,
      Clock clock) {
    this(
        channels,
        health,
        backlog,
        routesRunning,
        downAfter,
        clock,
        null,
        Set.of(),
        r -> true,
        List::of);
  }

  /**
   * @param leadership which roles this instance leads, of {@code roles}: a channel another instance
   *     leads shows as STANDBY and only its sending can make this answer DOWN
   * @param working whether a role's work runs here (started after its lock was taken)
   * @param stillReading what the start is still reading ({@code match_index}, {@code gazetteer}):
   *     until nothing, the answer is STARTING and names each as {@code "reading"}
   */
  HealthReport(
      List<Channel> channels,
      ChannelHealth health,
      Supplier<OutboxBacklog> backlog,
      BooleanSupplier routesRunning,
      Duration downAfter,
      Clock clock,
      Leadership leadership,
      Set<Role> roles,
      Predicate<Role> working,
      Supplier<List<String>> stillReading) {
    this.stillReading = stillReading;
    this.leadership = leadership;
    this.working = working;
    this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    this.channels = List.copyOf(channels);
    this.health = health;
    this.backlog = backlog;
    this.routesRunning = routesRunning;
    this.downAfter = downAfter;
    this.clock = clock;
  }

  /** The ids of the channels it reports on, such as {@code email}. */
  List<String> channelIds() {
    return channels.stream().map(Channel::id).toList();
  }

  /** Each channel's state for the dashboard, read from the same probes as {@link #answer}. */
  List<ChannelState> channelStates() {
    List<ChannelState> states = new ArrayList<>();
    health
        .view(channels, this::leads)
        .forEach((channel, view) -> states.add(state(channel, (Map<?, ?>) view)));
    return states;
  }

  private static ChannelState state(String channel, Map<?, ?> view) {
    List<ChannelState.Probe> probes = new ArrayList<>();
    view.forEach(
        (name, value) -> {
          if (value instanceof Map<?, ?> probe) {
            Object reason = probe.get("reason");
            probes.add(
                new ChannelState.Probe(
                    name.toString(),
                    Boolean.TRUE.equals(probe.get("up")),
                    reason == null ? null : reason.toString()));
          }
        });
    return new ChannelState(channel, !"DOWN".equals(view.get("status")), probes);
  }

  Answer answer() {
    boolean running = routesRunning.getAsBoolean();
    List<String> down =
        health.downLongerThan(downAfter, this::leads).stream()
            .filter(channels::contains)
            .map(Channel::id)
            .toList();
    boolean healthy = running && down.isEmpty();
    List<String> reading = stillReading.get();
    boolean up = healthy && reading.isEmpty();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : healthy ? "STARTING" : "DOWN");
    if (!running) {
      body.put("routes", "stopped");
    }
    reading.forEach(part -> body.put(part, "reading"));
    body.put("down", down);
    body.put("down_after_seconds", downAfter.toSeconds());
    body.put("channels", health.view(channels, this::leads));
    body.put("outbox", outbox());
    if (leadership != null) {
      body.put("leadership", leadershipView());
    }
    return new Answer(up ? 200 : 503, body);
  }

  /** Whether this instance takes in {@code channel}'s messages (always, when alone). */
  private boolean leads(Channel channel) {
    return leadership == null || leadership.leads(Role.of(channel));
  }

  /**
   * How leaders are chosen, and each role this instance runs: {@code leader} or {@code standby}.
   */
  private Map<String, Object> leadershipView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("mechanism", leadership.mechanism());
    Map<String, String> byRole = new LinkedHashMap<>();
    for (Role role : roles) {
      byRole.put(role.id(), leadership.leads(role) ? "leader" : "standby");
    }
    view.put("roles", byRole);
    return view;
  }

  private Map<String, Object> outbox() {
    Map<String, Object> view = new LinkedHashMap<>();
    try {
      OutboxBacklog now = backlog.get();
      Instant at = clock.instant();
      view.put("depth", now.depth());
      view.put("oldest_pending_age_seconds", now.oldestAge(at).toSeconds());
      view.put("dead_letters", now.deadLetters());
    } catch (RuntimeException e) {
      // The database being unreadable is worth saying, not worth failing the whole answer.
      view.put("error", e.getClass().getSimpleName());
    }
    return view;
  }
}
