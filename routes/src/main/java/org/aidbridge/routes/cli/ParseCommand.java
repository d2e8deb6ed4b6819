package org.aidbridge.routes.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Read one message per line from stdin and print what AidBridge understands, one JSON object"
          + " per line.",
      "A line is plain text, or a JSON object {\"text\": \"...\", \"lang\": \"es\"}.",
      "Output: kind (need|offer|none), categories, items, place, urgency, language; a line that"
          + " cannot be read gives {\"error\": \"...\"}."
    })
final class ParseCommand implements Callable<Integer> {
  @ParentCommand AidBridgeCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Core core = Core.from(parent.settings());
    ParseLines lines =
        new ParseLines(
            core.parser(), parent.environment().clock(), core.botSettings().homeCountry());
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(parent.environment().in(), StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.println(lines.handle(line));
      out.flush();
    }
    return 0;
  }
}
