package org.aidbridge.bot.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.aidbridge.bot.model.Channel;

/**
 * An instance of the bot in a process of its own, for {@link SharedFileJournalsTest}: opens the
 * store on the file named by its first argument, writes its second argument down as a Signal
 * notification just read (journaled, not yet stored), says {@code ready}, and waits to be killed.
 */
public final class JournalingInstance {
  private JournalingInstance() {}

  public static void main(String[] args) throws Exception {
    SqliteStore store = SqliteStore.open(args[0]);
    store.journalRawInbound(Channel.SIGNAL, args[1], Instant.parse("2026-03-01T12:00:00Z"));
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }
}
