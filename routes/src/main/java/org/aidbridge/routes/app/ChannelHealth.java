package org.aidbridge.routes.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.aidbridge.bot.model.Channel;

/**
 * What each running channel reports about itself, for {@code /health}: every channel registers its
 * probes when it is built ({@link #probe}) and reports to them as it works. A channel is down when
 * one of its probes is; the endpoint answers 503 when one has been down longer than {@code
 * health.down.after.seconds}.
 *
 * <p>Anything else that knows whether a channel works (the outbox's view of sending, a pause
 * because the configuration is wrong) reports through a probe of its own on the same channel.
 */
public final class ChannelHealth {
  private final Clock clock;
  private final Map<Channel, List<ChannelProbe>> probes = new LinkedHashMap<>();

  public ChannelHealth(Clock clock) {
    this.clock = clock;
  }

  /**
   * The probe {@code name} of {@code channel}, made on first use.
   *
   * @param upAtStart false for what must first succeed to count as working (a connection): down
   *     from the start until then; true for what only a failure can put down (a send)
   */
  public ChannelProbe probe(Channel channel, String name, boolean upAtStart) {
    return probe(channel, name, upAtStart, null);
  }

  /**
   * The probe {@code name} of something the channel repeats (a poll): down from the start until it
   * first succeeds, and down again when no success came for {@code staleAfter}.
   */
  public ChannelProbe repeating(Channel channel, String name, Duration staleAfter) {
    return probe(channel, name, false, staleAfter);
  }

  private synchronized ChannelProbe probe(
      Channel channel, String name, boolean upAtStart, Duration staleAfter) {
    List<ChannelProbe> of = probes.computeIfAbsent(channel, c -> new ArrayList<>());
    for (ChannelProbe probe : of) {
      if (probe.name().equals(name)) {
        return probe;
      }
    }
    ChannelProbe probe = new ChannelProbe(name, clock, upAtStart, staleAfter);
    of.add(probe);
    return probe;
  }

  /** The channels with a probe down for longer than {@code threshold}. */
  synchronized List<Channel> downLongerThan(Duration threshold) {
    return downLongerThan(threshold, c -> true);
  }

  /**
   * The channels with a probe down for longer than {@code threshold}; of a channel this instance
   * does not lead ({@code leads} false) only the sending probes count: another instance receives.
   */
  synchronized List<Channel> downLongerThan(Duration threshold, Predicate<Channel> leads) {
    Instant now = clock.instant();
    return probes.entrySet().stream()
        .filter(
            e ->
                e.getValue().stream()
                    .filter(p -> leads.test(e.getKey()) || !p.receiving())
                    .anyMatch(p -> p.downLongerThan(threshold, now)))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The channel's receiving probes go down until their next success: it takes messages in anew. */
  synchronized void rearm(Channel channel) {
    probes.getOrDefault(channel, List.of()).stream()
        .filter(ChannelProbe::receiving)
        .forEach(ChannelProbe::rearm);
  }

  /** Each channel's state: {@code status} UP or DOWN, then each probe's view by name. */
  synchronized Map<String, Object> view(List<Channel> running) {
    return view(running, c -> true);
  }

  /**
   * Each channel's state: {@code status} UP, DOWN or, for a channel another instance leads, STANDBY
   * (its receiving probes, which are the leader's business, left out), then each probe's view by
   * name.
   */
  synchronized Map<String, Object> view(List<Channel> running, Predicate<Channel> leads) {
    Map<String, Object> channels = new LinkedHashMap<>();
    for (Channel channel : running) {
      boolean leading = leads.test(channel);
      List<ChannelProbe> of =
          probes.getOrDefault(channel, List.of()).stream()
              .filter(p -> leading || !p.receiving())
              .toList();
      boolean up = of.stream().allMatch(ChannelProbe::isUp);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("status", !up ? "DOWN" : leading ? "UP" : "STANDBY");
      of.forEach(p -> view.put(p.name(), p.view()));
      channels.put(channel.id(), view);
    }
    return channels;
  }
}
