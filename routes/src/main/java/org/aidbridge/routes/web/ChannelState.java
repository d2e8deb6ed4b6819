package org.aidbridge.routes.web;

import java.util.List;

/**
 * A running channel's state as {@code /health} reports it: up when all its probes are.
 *
 * @param channel the channel's id, such as {@code email}
 * @param probes what it reports about itself: polling, connected, imap, smtp, sending
 */
public record ChannelState(String channel, boolean up, List<Probe> probes) {
  public ChannelState {
    probes = List.copyOf(probes);
  }

  /**
   * One thing about the channel that works or does not.
   *
   * @param reason why it is down, without personal data; null when up
   */
  public record Probe(String name, boolean up, String reason) {}
}
