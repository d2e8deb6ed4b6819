package org.aidbridge.routes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.model.Match;
import org.aidbridge.bot.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "matches",
    mixinStandardHelpOptions = true,
    description = {
      "For each open need, its best open offers, as the bot would rank them.",
      "With --json, one object per line: {\"need\": ID, \"offer\": ID, \"score\": n,"
          + " \"reasons\": [...]}; ID is the id a listing was imported with, else its reference."
    })
final class MatchesCommand implements Callable<Integer> {
  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per match and line.")
  boolean json;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "3",
      description = "Offers per need (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1");
    }
    Core core = Core.from(parent.settings());
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = core.openStore(parent.environment().workingDir())) {
      new MatchLister(store, core.matcher(store))
          .forEachNeed(
              parent.environment().clock().instant(),
              top,
              found -> print(out, found.need(), found.matches()));
    }
    out.flush();
    return 0;
  }

  private void print(PrintWriter out, Listing need, java.util.List<Match> matches) {
    if (!json) {
      out.println(JsonMatch.name(need) + " (need: " + need.summary() + ")");
    }
    for (Match match : matches) {
      if (json) {
        out.println(toJson(JsonMatch.from(match)));
      } else {
        out.printf(
            Locale.ROOT,
            "  %s  score %.3f  %s  (%s)%n",
            JsonMatch.name(match.offer()),
            match.score(),
            match.offer().summary(),
            String.join(", ", match.reasons()));
      }
    }
  }

  private static String toJson(JsonMatch match) {
    try {
      return ParseLines.JSON.writeValueAsString(match);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a match cannot be written as JSON", e);
    }
  }
}
