package org.aidbridge.bot.outbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.store.OutboxEntry;

/**
 * A channel that answers each text as scripted, once per script step, then with Sent: the stand-in
 * for Telegram's or Signal's answers in tests of the core.
 */
final class ScriptedChannel implements ChannelSender {
  final List<String> sent = new ArrayList<>();
  private final Map<String, Deque<Function<OutboxEntry, SendOutcome>>> scripts = new HashMap<>();

  void script(String text, Function<OutboxEntry, SendOutcome> outcome) {
    scripts.computeIfAbsent(text, t -> new ArrayDeque<>()).add(outcome);
  }

  void script(String text, int times, Function<OutboxEntry, SendOutcome> outcome) {
    for (int i = 0; i < times; i++) {
      script(text, outcome);
    }
  }

  @Override
  public Channel channel() {
    return Channel.TELEGRAM;
  }

  @Override
  public SendOutcome send(OutboxEntry entry) {
    String text = entry.message().text();
    Deque<Function<OutboxEntry, SendOutcome>> scripted = scripts.get(text);
    if (scripted != null && !scripted.isEmpty()) {
      return scripted.poll().apply(entry);
    }
    sent.add(text);
    return new SendOutcome.Sent("tg-" + text);
  }
}
