package org.aidbridge.bot.lead;

import org.aidbridge.bot.port.Role;

/**
 * Locks that only one instance can hold at a time, one per role, freed by the system when their
 * holder dies (its process, or its database connection): what {@link ElectedLeadership} is built
 * on.
 */
public interface LockSpace extends AutoCloseable {

  /**
   * Takes {@code role}'s lock if nobody holds it; never waits.
   *
   * @return false when another instance holds it
   * @throws Exception when the locks cannot be reached at all (the connection failed)
   */
  boolean tryAcquire(Role role) throws Exception;

  /**
   * Whether every lock taken so far is still this instance's (the file is still the one locked, the
   * connection is still alive).
   *
   * @throws Exception counts as false
   */
  boolean intact() throws Exception;

  /**
   * Lets go of every lock after {@link #intact} failed; the next {@link #tryAcquire} starts anew.
   */
  void reset();

  /** What it is, for {@code /health}: {@code file-lock}, {@code advisory-lock}. */
  String mechanism();

  @Override
  void close();
}
