package org.aidbridge.bot.port;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which of the {@link Role}s this instance leads, when several instances share one database. Each
 * role is led by one instance at a time; the others stand by and take it over when its leader dies.
 * How leaders are chosen is the implementation's (a lock file beside a SQLite database, advisory
 * locks of a database server); the application only hears of roles gained and lost.
 */
public interface Leadership extends AutoCloseable {

  /** Told of every change of what this instance leads. */
  interface Listener {
    /** This instance now leads {@code role}: start its work. */
    void gained(Role role);

    /**
     * This instance no longer leads {@code role} (its lock is gone, its database connection lost):
     * stop its work at once, another instance may already be taking it over.
     */
    void lost(Role role);
  }

  /**
   * Starts contending for {@code roles}. Before it returns it has tried each once and told {@code
   * listener} of those it gained, so a lone instance leads everything from its first moment; from
   * then on it checks again on a thread of its own and tells {@code listener} there.
   */
  void start(Set<Role> roles, Listener listener);

  /** Whether this instance leads {@code role} now. */
  boolean leads(Role role);

  /** How leaders are chosen, for {@code /health}: {@code single}, {@code file-lock} ... */
  String mechanism();

  /** Gives up every role (the listener is not told: the application is stopping). */
  @Override
  void close();

  /** Leads every role, always: one instance alone on a database nobody else can open. */
  static Leadership alone() {
    return new Leadership() {
      private final Set<Role> held = EnumSet.noneOf(Role.class);

      @Override
      public synchronized void start(Set<Role> roles, Listener listener) {
        held.addAll(roles);
        roles.forEach(listener::gained);
      }

      @Override
      public synchronized boolean leads(Role role) {
        return held.contains(role);
      }

      @Override
      public String mechanism() {
        return "single";
      }

      @Override
      public void close() {}
    };
  }
}
