package org.aidbridge.bot.lead;

import java.util.ArrayList;
import java.util.List;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;

/** Writes down what a leadership told, in order: "+core" gained, "-core" lost. */
final class RecordingListener implements Leadership.Listener {
  private final List<String> told = new ArrayList<>();

  @Override
  public synchronized void gained(Role role) {
    told.add("+" + role.id());
  }

  @Override
  public synchronized void lost(Role role) {
    told.add("-" + role.id());
  }

  synchronized List<String> told() {
    return List.copyOf(told);
  }
}
