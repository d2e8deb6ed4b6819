package org.aidbridge.routes.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.ChannelCopies;
import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.aidbridge.bot.model.InboundMessage;
import org.aidbridge.bot.outbox.Backoff;
import org.aidbridge.bot.port.ChannelMemory;
import org.aidbridge.bot.store.RawInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's payloads kept in the store the moment they are read, and handled from there by one
 * worker thread, in order.
 *
 * <p>{@link #keep} runs on the thread that reads the channel and returns only once the payload is
 * committed, so nothing read waits in memory: a crash at any moment loses nothing the channel
 * already let go of. It is bounded: while {@link #maxWaiting} payloads wait to be handled it
 * blocks, and the reading thread stops reading (backpressure reaches the daemon or server). A
 * payload that cannot be handled now (translation failed, the daemon did not answer, the store was
 * busy) is tried again later with backoff; it is never dropped.
 *
 * <p>Group commit: the messages of consecutive payloads (read from the store together) go to {@link
 * BotService#handleAll} in one call, which stores them in the inbox with one commit synced to disk
 * before acting on any (the same commit drops their payloads: the inbox holds them from then on),
 * then handles them in one transaction, so one sync serves them all. A batch holds at most one
 * message per sender, so that a person's {@code forget} never erases, as "still waiting", what they
 * sent after it. A payload that asks for something else ({@link Act}: a group moved, a button
 * pressed) waits until the messages before it are handled and runs on its own, so the order of what
 * people did is kept.
 *
 * <p>When a person is forgotten it erases what they sent that still waits ({@link #eraseFrom}).
 */
public final class RawInbox implements ChannelCopies, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RawInbox.class);

  /** Payloads read from the store at a time: at most this many messages share one commit. */
  private static final int BATCH = 100;

  private static final Duration IDLE = Duration.ofSeconds(1);

  /** Reads what a stored payload asks for; a thrown exception means "not now, try again later". */
  @FunctionalInterface
  public interface Translator {
    Work translate(String payload) throws Exception;
  }

  /** What a stored payload asks for. */
  public sealed interface Work permits ForCore, Act {}

  /**
   * Messages (none, one or more) for the core, handed to it in one batch with their neighbours'.
   */
  public record ForCore(List<InboundMessage> messages) implements Work {
    public ForCore {
      messages = List.copyOf(messages);
    }

    /** A payload that asks nothing (an update the bot ignores): only dropped, in its turn. */
    public static ForCore nothing() {
      return new ForCore(List.of());
    }
  }

  /** Something else to do, on its own and in order; a thrown exception means "try again later". */
  public record Act(Action action) implements Work {}

  /** The action of an {@link Act}. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /** Whether a payload was sent by the person with this id on the channel (false if unreadable). */
  @FunctionalInterface
  public interface Authorship {
    boolean sentBy(String payload, String personId);
  }

  /** Whether the handler can take payloads now (false until the channel knows who it is). */
  @FunctionalInterface
  public interface Readiness {
    boolean ready();
  }

  private final Channel channel;
  private final ChannelMemory store;
  private final Clock clock;
  private final BotService bot;
  private final Translator translator;
  private final Authorship authorship;
  private final Readiness readiness;
  private final Backoff pauses;
  private final Semaphore room;
  private final int maxWaiting;
  private final Object wake = new Object();
  private boolean signalled; // guarded by wake
  private volatile boolean closed;
  private volatile Thread worker;

  /** The payloads the worker is handling, or null. */
  private volatile Batch inHand;

  public RawInbox(
      Channel channel,
      ChannelMemory store,
      Clock clock,
      BotService bot,
      Translator translator,
      Authorship authorship,
      Readiness readiness,
      Duration firstPause,
      Duration lastPause,
      int maxWaiting) {
    this.channel = channel;
    this.store = store;
    this.clock = clock;
    this.bot = bot;
    this.translator = translator;
    this.authorship = authorship;
    this.readiness = readiness;
    this.pauses = new Backoff(firstPause, lastPause);
    this.maxWaiting = maxWaiting;
    this.room = new Semaphore(maxWaiting);
  }

  /**
   * Starts handling what waits, from earlier runs (and other instances) too; again after {@link
   * #close} when this instance leads the channel again.
   */
  public synchronized void start() {
    if (worker != null && worker.isAlive() && !closed) {
      return;
    }
    awaitEnd(worker);
    closed = false;
    worker = new Thread(this::work, channel.id() + "-inbox");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Stores the payload, waiting while the store fails or too many wait; returns once it is kept.
   *
   * @return false only when closed before it could be kept (the channel then still has it)
   */
  public boolean keep(String payload) {
    try {
      while (!room.tryAcquire(IDLE.toMillis(), TimeUnit.MILLISECONDS)) {
        if (closed) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    for (int failures = 0; ; failures++) {
      try {
        store.storeRawInbound(channel, payload, clock.instant());
        wakeWorker();
        return true;
      } catch (RuntimeException e) {
        if (closed || !waitBeforeRetry(failures, e)) {
          room.release();
          return false;
        }
      }
    }
  }

  /**
   * Writes the payload down at once, without waiting for the database (a file append, where the
   * store has one), on a reading thread that must not wait; {@link #keep} must follow with the same
   * payload, on another thread. A kill in between then loses nothing: the next start stores it.
   */
  public void keepAhead(String payload) {
    try {
      store.journalRawInbound(channel, payload, clock.instant());
    } catch (RuntimeException e) {
      // Only the head start is missing: keep() stores it as always.
      LOG.debug("{}: writing a payload down ahead failed", channel.id(), e);
    }
  }

  /** How many payloads may wait at most before {@link #keep} blocks. */
  public int maxWaiting() {
    return maxWaiting;
  }

  private boolean waitBeforeRetry(int failures, RuntimeException e) {
    if (failures == 0) {
      LOG.warn("{}: cannot store what was received ({}); retrying", channel.id(), e.getMessage());
    }
    try {
      Thread.sleep(pause(failures).toMillis());
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void work() {
    int storeFailures = 0;
    while (!closed) {
      try {
        Duration idle = readiness.ready() ? handleDue() : IDLE;
        storeFailures = 0;
        await(idle);
      } catch (RuntimeException e) {
        // The store itself failed: wait and read it again.
        if (storeFailures++ == 0) {
          LOG.warn("{}: reading stored messages failed ({})", channel.id(), e.getMessage());
        }
        await(pause(storeFailures));
      }
    }
  }

  /** Handles what is due; returns how long to wait before looking again. */
  private Duration handleDue() {
    List<RawInbound> due;
    while (!closed && !(due = store.dueRawInbound(channel, clock.instant(), BATCH)).isEmpty()) {
      handleInOrder(due);
    }
    return IDLE;
  }

  /**
   * Translates each payload; the messages of consecutive ones go to the core together, and an
   * action runs once the messages before it are handled.
   */
  private void handleInOrder(List<RawInbound> due) {
    Batch batch = new Batch();
    for (RawInbound raw : due) {
      if (closed) {
        break;
      }
      Work work;
      try {
        work = translator.translate(raw.payload());
      } catch (Exception e) {
        later(raw, e);
        continue;
      }
      if (work instanceof ForCore forCore) {
        if (batch.hasSenderOf(forCore.messages())) {
          handToCore(batch);
          batch = new Batch();
        }
        batch.add(raw, forCore.messages());
      } else {
        handToCore(batch);
        batch = new Batch();
        act(raw, ((Act) work).action());
      }
    }
    if (!closed) { // else what is translated stays stored, for the next run or the next leader
      handToCore(batch);
    }
  }

  /**
   * The batch's messages to the core in one call, its payloads dropped in the commit that stores
   * the messages in the inbox: from then on the inbox holds what they said, and a crash before the
   * messages are handled leaves them there, unprocessed, for the core to resume.
   */
  private void handToCore(Batch batch) {
    if (batch.payloads.isEmpty()) {
      return;
    }
    Runnable drop = () -> batch.payloads.forEach(raw -> store.deleteRawInbound(raw.id()));
    inHand = batch;
    try {
      if (batch.messages.isEmpty()) {
        store.inTransaction(drop); // payloads that asked nothing
      } else {
        bot.handleAll(batch.messages, drop); // returns once they are stored, synced, and handled
      }
    } catch (RuntimeException e) {
      // Not even stored in the inbox (nor dropped, in the same transaction): the payloads are
      // tried again (the inbox ignores a message it already has), due together again.
      Instant failedAt = clock.instant();
      batch.payloads.forEach(raw -> later(raw, e, failedAt));
      return;
    } finally {
      inHand = null;
    }
    freeRoom(batch.payloads.size());
  }

  private void act(RawInbound raw, Action action) {
    inHand = new Batch().add(raw, List.of());
    try {
      action.run();
    } catch (Exception e) {
      later(raw, e);
      return;
    } finally {
      inHand = null;
    }
    store.deleteRawInbound(raw.id());
    freeRoom(1);
  }

  private void later(RawInbound raw, Exception e) {
    later(raw, e, clock.instant());
  }

  private void later(RawInbound raw, Exception e, Instant failedAt) {
    Duration wait = pause(raw.attempts());
    if (raw.attempts() == 0 || raw.attempts() % 10 == 9) {
      LOG.warn(
          "{}: a received message could not be handled yet ({}); it is kept and tried again"
              + " in {} s",
          channel.id(),
          e.getClass().getSimpleName(),
          wait.toSeconds());
    }
    LOG.debug("{}: handling a received message failed", channel.id(), e);
    store.retryRawInboundLater(raw.id(), failedAt.plus(wait), kind(e));
  }

  private void freeRoom(int payloads) {
    for (int i = 0; i < payloads && room.availablePermits() < maxWaiting; i++) {
      room.release();
    }
  }

  /**
   * Erases what {@code person} sent that still waits here (a payload that failed and waits for
   * another try, or one not handled yet): handled after the forgetting, it would bring them back.
   * While this inbox's own worker handles the message that asked to forget, what the person sent
   * after that message is a new message and stays; the payloads in hand are deleted once handled,
   * as always. Runs inside the forgetting's transaction: a store failure undoes the forgetting,
   * which is then tried again as a whole.
   */
  @Override
  public void eraseFrom(Address person) {
    if (person.channel() != channel) {
      return;
    }
    Batch hand = inHand;
    boolean fromWorker = hand != null && Thread.currentThread() == worker;
    // From the worker: the person's payload being handled (what asked to forget), else the batch's
    // first; what came from them before it waited and goes, what came after is new and stays.
    long handling = fromWorker ? hand.payloadOf(person) : Long.MAX_VALUE;
    int erased = 0;
    long after = 0;
    List<RawInbound> page;
    while (!(page = store.rawInboundAfter(channel, after, BATCH)).isEmpty()) {
      for (RawInbound raw : page) {
        after = raw.id();
        boolean keep = raw.id() >= handling || (hand != null && hand.holds(raw.id()));
        if (!keep && authorship.sentBy(raw.payload(), person.id())) {
          store.deleteRawInbound(raw.id());
          erased++;
        }
      }
      if (fromWorker && after >= handling) {
        break;
      }
    }
    freeRoom(erased);
  }

  /** Consecutive payloads whose messages go to the core together; one message per sender. */
  private static final class Batch {
    final List<RawInbound> payloads = new ArrayList<>();
    final List<InboundMessage> messages = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();
    private final Map<Address, Long> payloadBySender = new HashMap<>();

    Batch add(RawInbound raw, List<InboundMessage> ofPayload) {
      payloads.add(raw);
      ids.add(raw.id());
      messages.addAll(ofPayload);
      ofPayload.forEach(m -> payloadBySender.putIfAbsent(m.sender(), raw.id()));
      return this;
    }

    boolean hasSenderOf(List<InboundMessage> ofPayload) {
      return ofPayload.stream().anyMatch(m -> payloadBySender.containsKey(m.sender()));
    }

    boolean holds(long rawId) {
      return ids.contains(rawId);
    }

    /** The payload in this batch {@code person} sent, else the batch's first. */
    long payloadOf(Address person) {
      return payloadBySender.getOrDefault(person, payloads.get(0).id());
    }
  }

  private static String kind(Exception e) {
    return e.getClass().getSimpleName();
  }

  /**
   * The pause after {@code failures} failures: first, 2 x first, 4 x first ... at most the last.
   */
  private Duration pause(int failures) {
    return pauses.delay(failures);
  }

  private void wakeWorker() {
    synchronized (wake) {
      signalled = true;
      wake.notifyAll();
    }
  }

  private void await(Duration max) {
    synchronized (wake) {
      try {
        if (!closed && !signalled) {
          wake.wait(Math.max(1, max.toMillis()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
      signalled = false;
    }
  }

  /** Stops the worker; what waits stays stored for the next run (or the next leader). */
  @Override
  public void close() {
    closed = true;
    wakeWorker();
    Thread running;
    synchronized (this) {
      running = worker;
    }
    awaitEnd(running);
  }

  private static void awaitEnd(Thread running) {
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
