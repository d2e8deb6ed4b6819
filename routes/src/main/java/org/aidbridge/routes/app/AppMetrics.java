package org.aidbridge.routes.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.aidbridge.bot.BotEvents;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.outbox.OutboxStats;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;
import org.aidbridge.bot.store.OutboxBacklog;

/**
 * AidBridge's metrics, in one Micrometer registry served as Prometheus text on {@code /metrics}.
 * Camel's route metrics go to the same registry. Metric names (as Prometheus shows them) are listed
 * in the README; labels never carry a person's identifier, only channels, kinds and result classes.
 */
public final class AppMetrics {
  /** How long one reading of the outbox backlog serves the three outbox gauges of a scrape. */
  private static final Duration BACKLOG_FRESH = Duration.ofSeconds(1);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;
  private volatile Supplier<OutboxBacklog> backlogSource = () -> new OutboxBacklog(0, null, 0);
  private OutboxBacklog backlog;
  private Instant backlogReadAt = Instant.EPOCH;

  public AppMetrics(Clock clock) {
    this.clock = clock;
    Gauge.builder("aidbridge.outbox.depth", this, m -> m.backlog().depth())
        .description("Outbox entries waiting to be sent")
        .register(registry);
    Gauge.builder(
            "aidbridge.outbox.oldest.age.seconds",
            this,
            m -> m.backlog().oldestAge(clock.instant()).toMillis() / 1000.0)
        .description("How long the oldest waiting outbox entry has waited")
        .register(registry);
    Gauge.builder("aidbridge.outbox.dead.letters", this, m -> m.backlog().deadLetters())
        .description("Outbox entries set aside after too many failures")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Where the outbox gauges read the backlog (the store); read at most once a second. */
  public void readBacklogFrom(Supplier<OutboxBacklog> source) {
    this.backlogSource = source;
  }

  /** The whole registry in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** A message came in on {@code channel}. */
  public void messageIn(Channel channel) {
    counter("aidbridge.messages.in", "Messages received", "channel", channel.id()).increment();
  }

  /** Time from a message's arrival at the core to its answer being in the outbox. */
  public Timer handling(Channel channel) {
    return Timer.builder("aidbridge.handling")
        .description("Time to store, decide on and queue the answers to one message")
        .tag("channel", channel.id())
        .register(registry);
  }

  /**
   * One send attempt ended so. {@code result} is the class of the outcome in lower case: {@code
   * sent}, {@code deferred}, {@code rate_limited} (the platform answered 429), {@code unreachable},
   * {@code rejected}, {@code failed}, {@code misconfigured}. A sent one also counts as a message
   * out.
   */
  public void sendEnded(Channel channel, String result) {
    counter("aidbridge.sends", "Send attempts by result", "channel", channel.id(), "result", result)
        .increment();
    if (result.equals("sent")) {
      counter("aidbridge.messages.out", "Messages sent", "channel", channel.id()).increment();
    }
  }

  /** An entry whose earlier send was interrupted (a crash mid-send) is sent again. */
  public void resent(Channel channel) {
    counter(
            "aidbridge.resends",
            "Entries sent again after an interrupted send",
            "channel",
            channel.id())
        .increment();
  }

  /** An entry failed too often and was set aside. */
  public void deadLettered(Channel channel) {
    counter("aidbridge.dead.lettered", "Entries set aside as dead letters", "channel", channel.id())
        .increment();
  }

  /** The outbox's reports (sends by result class, resends, dead letters), counted here. */
  public OutboxStats outboxStats() {
    return new OutboxStats() {
      @Override
      public void sendEnded(Channel channel, Result result) {
        AppMetrics.this.sendEnded(channel, result.name().toLowerCase(Locale.ROOT));
      }

      @Override
      public void resent(Channel channel) {
        AppMetrics.this.resent(channel);
      }

      @Override
      public void deadLettered(Channel channel) {
        AppMetrics.this.deadLettered(channel);
      }
    };
  }

  /**
   * One gauge per role, {@code aidbridge_leader{role="core"}}: 1 while this instance leads it, 0
   * while it stands by. Summed over the instances each role should be 1.
   */
  public void leadership(Leadership leadership, Set<Role> roles) {
    for (Role role : roles) {
      Gauge.builder("aidbridge.leader", leadership, l -> l.leads(role) ? 1 : 0)
          .description("1 while this instance leads the role, 0 while it stands by")
          .tag("role", role.id())
          .register(registry);
    }
  }

  /** This instance gained or lost a role. */
  public void leadershipChanged(Role role, boolean gained) {
    counter(
            "aidbridge.leadership.changes",
            "Roles gained and lost by this instance",
            "role",
            role.id(),
            "change",
            gained ? "gained" : "lost")
        .increment();
  }

  /** The core's events, counted here: the core itself knows no metrics library. */
  public BotEvents botEvents() {
    return new BotEvents() {
      @Override
      public void parsed(Kind kind) {
        counter("aidbridge.parse.results", "What the parser found", "kind", kindName(kind))
            .increment();
      }

      @Override
      public void listingCreated(Kind kind) {
        counter("aidbridge.listings", "Needs and offers stored", "kind", kindName(kind))
            .increment();
      }

      @Override
      public void matchCreated() {
        counter("aidbridge.matches", "Needs matched with offers").increment();
      }
    };
  }

  private static String kindName(Kind kind) {
    return kind == null ? "none" : kind.name().toLowerCase(Locale.ROOT);
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private synchronized OutboxBacklog backlog() {
    Instant now = clock.instant();
    if (backlog == null || Duration.between(backlogReadAt, now).compareTo(BACKLOG_FRESH) > 0) {
      backlog = backlogSource.get();
      backlogReadAt = now;
    }
    return backlog;
  }
}
