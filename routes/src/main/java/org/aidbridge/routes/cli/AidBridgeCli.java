package org.aidbridge.routes.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.ConfigFiles;
import org.aidbridge.routes.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code aidbridge}: the command line. Without a subcommand it runs the configured channels. */
@Command(
    name = "aidbridge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "AidBridge connects mutual-aid needs and offers across Telegram, Signal and email.",
      "Without a command it runs the bot on the channels configured (same as `run`)."
    },
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      ParseCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      MatchesCommand.class,
      BackupCommand.class,
      MigrateDbCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AidBridgeCli implements Callable<Integer> {
  /** sysexits.h EX_CONFIG: the configuration is wrong. */
  public static final int CONFIG_ERROR = 78;

  private static final Logger LOG = LoggerFactory.getLogger(AidBridgeCli.class);

  @Option(
      names = "--config",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description =
          "Configuration file. Default: $AIDBRIDGE_CONFIG, else ./config/application.properties,"
              + " else the built-in defaults.")
  Path config;

  @Spec CommandSpec spec;

  private final CliEnvironment environment;

  public AidBridgeCli() {
    this(CliEnvironment.system());
  }

  public AidBridgeCli(CliEnvironment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(commandLine(CliEnvironment.system()).execute(args));
  }

  /** The command line with its error handling, writing to stdout and stderr. */
  public static CommandLine commandLine(CliEnvironment environment) {
    CommandLine cli = new CommandLine(new AidBridgeCli(environment));
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler(AidBridgeCli::failure);
    return cli;
  }

  /** One line on stderr, never a stack trace (that goes to the log at DEBUG). */
  private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    LOG.debug("command failed", e);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("aidbridge: " + message.lines().findFirst().orElse(message));
    cli.getErr().flush();
    return e instanceof ConfigException ? CONFIG_ERROR : 1;
  }

  CliEnvironment environment() {
    return environment;
  }

  /** The settings, from the file {@code --config} names or the usual places. */
  Settings settings() {
    return ConfigFiles.load(config, environment.env(), environment.workingDir());
  }

  /** Without a subcommand, {@code run}. */
  @Override
  public Integer call() {
    return spec.commandLine().getSubcommands().get("run").execute();
  }
}
