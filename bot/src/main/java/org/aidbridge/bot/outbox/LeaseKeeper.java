package org.aidbridge.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lease of an entry being sent alive for as long as its send lasts: every third of the
 * lease it is pushed a whole lease ahead. So only the claim of an instance that died (or whose
 * store stopped answering) runs out, and a send that is slow but still going (a platform slow to
 * answer, an SMTP server taking each command to its timeout) is never taken for an interrupted one
 * and sent a second time by another instance sending from the same outbox.
 */
final class LeaseKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  /** One entry's lease kept alive until {@link #close}. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  private final Store store;
  private final Clock clock;
  private final Duration lease;
  private final ScheduledThreadPoolExecutor timer;

  LeaseKeeper(Store store, Clock clock, Duration lease) {
    this.store = store;
    this.clock = clock;
    this.lease = lease;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "outbox-lease-keeper");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
  }

  /** Renews the lease of entry {@code id}, claimed just now, until the returned hold is closed. */
  Held hold(long id) {
    long every = Math.max(1, lease.toMillis() / 3);
    ScheduledFuture<?> renewal =
        timer.scheduleAtFixedRate(() -> renew(id), every, every, TimeUnit.MILLISECONDS);
    return () -> renewal.cancel(false);
  }

  private void renew(long id) {
    try {
      store.renewOutboxLease(id, clock.instant().plus(lease));
    } catch (StoreException e) {
      // The next renewal tries again; if none succeeds, the lease runs out as after a crash.
      LOG.debug("outbox entry {}: its lease could not be renewed", id, e);
    } catch (RuntimeException e) {
      LOG.warn("outbox entry {}: renewing its lease failed ({})", id, e.getClass().getSimpleName());
    }
  }
}
