package org.aidbridge.routes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven built, for {@code --version} and {@code version}. */
public final class VersionInfo implements IVersionProvider {

  public static String version() {
    Properties props = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream("/aidbridge-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return props.getProperty("version", "unknown");
  }

  /** e.g. {@code AidBridge 0.1.0 (Java 17.0.12)}. */
  public static String line() {
    return "AidBridge " + version() + " (Java " + Runtime.version() + ")";
  }

  @Override
  public String[] getVersion() {
    return new String[] {line()};
  }
}
