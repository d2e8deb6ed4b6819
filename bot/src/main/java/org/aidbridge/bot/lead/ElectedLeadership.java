package org.aidbridge.bot.lead;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.port.Leadership;
import org.aidbridge.bot.port.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by locks that die with their holder ({@link LockSpace}): every {@code checkEvery} it
 * makes sure the locks it holds are still its own (else it gives up every role at once) and tries
 * to take those it does not hold. A standby therefore takes a role over at most {@code checkEvery}
 * after the system freed its dead leader's lock.
 */
public final class ElectedLeadership implements Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(ElectedLeadership.class);

  private final LockSpace locks;
  private final Duration checkEvery;
  private final ScheduledExecutorService checker;
  private final Set<Role> held = EnumSet.noneOf(Role.class); // guarded by this
  // What leads() answers without waiting for a check in progress (a slow database).
  private volatile Set<Role> leading = Set.of();
  private Set<Role> wanted = EnumSet.noneOf(Role.class); // guarded by this
  private Listener listener; // guarded by this
  private boolean unreachable; // the last attempt could not reach the locks; guarded by this
  private boolean closed; // guarded by this

  public ElectedLeadership(LockSpace locks, Duration checkEvery) {
    if (checkEvery.isNegative() || checkEvery.isZero()) {
      throw new IllegalArgumentException("checkEvery must be positive");
    }
    this.locks = locks;
    this.checkEvery = checkEvery;
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "leadership");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void start(Set<Role> roles, Listener listener) {
    synchronized (this) {
      this.wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
      this.listener = listener;
    }
    check();
    long every = checkEvery.toMillis();
    checker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  /** One round: keep what is still ours, give up everything if not, take what is free. */
  synchronized void check() {
    if (closed) {
      return;
    }
    try {
      if (!held.isEmpty() && !stillOurs()) {
        stepDown();
      }
      for (Role role : wanted) {
        if (held.contains(role)) {
          continue;
        }
        Boolean got = tryAcquire(role);
        if (got == null) {
          break; // unreachable: the next round tries again
        }
        if (got) {
          held.add(role);
          leading = Set.copyOf(held);
          LOG.info("leading {} ({})", role.id(), locks.mechanism());
          tell(role, true);
        }
      }
    } catch (RuntimeException | Error e) {
      // The checker must survive whatever the listener does, or no role would ever change again.
      LOG.error("checking leadership failed", e);
    }
  }

  private boolean stillOurs() {
    try {
      return locks.intact();
    } catch (Exception e) {
      LOG.warn("leadership locks lost ({})", e.getMessage());
      return false;
    }
  }

  /**
   * Takes the role's lock if it is free. A failure is tried once more on a new connection (the last
   * one may have died while it held nothing, unnoticed); null when the locks cannot be reached.
   */
  private Boolean tryAcquire(Role role) {
    for (int attempt = 1; ; attempt++) {
      try {
        boolean got = locks.tryAcquire(role);
        if (unreachable) {
          LOG.info("leadership locks reachable again");
          unreachable = false;
        }
        return got;
      } catch (Exception e) {
        if (held.isEmpty()) {
          locks.reset();
        } else {
          stepDown(); // the connection that failed held our locks: they are gone with it
        }
        if (attempt == 2) {
          if (!unreachable) {
            LOG.warn("cannot reach the leadership locks ({}); trying again", e.getMessage());
            unreachable = true;
          }
          return null;
        }
      }
    }
  }

  /** Every role goes at once: whatever freed one of our locks may have freed them all. */
  private void stepDown() {
    Set<Role> lost = EnumSet.copyOf(held);
    held.clear();
    leading = Set.of();
    locks.reset();
    for (Role role : lost) {
      LOG.warn("no longer leading {}: its lock is not ours any more", role.id());
      tell(role, false);
    }
  }

  private void tell(Role role, boolean gained) {
    try {
      if (gained) {
        listener.gained(role);
      } else {
        listener.lost(role);
      }
    } catch (RuntimeException e) {
      LOG.error("reacting to {} {} failed", gained ? "leading" : "no longer leading", role.id(), e);
    }
  }

  @Override
  public boolean leads(Role role) {
    return leading.contains(role);
  }

  @Override
  public String mechanism() {
    return locks.mechanism();
  }

  @Override
  public void close() {
    checker.shutdownNow();
    synchronized (this) {
      closed = true;
      held.clear();
      leading = Set.of();
      locks.close();
    }
  }
}
