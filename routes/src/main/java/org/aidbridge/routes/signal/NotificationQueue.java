package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;

/**
 * The notifications of one connection on their way from the reading thread to the keeping thread:
 * in order, at most {@code capacity} of them (then {@link #put} waits, and so does the daemon), and
 * none dropped: after {@link #end}, what was put is still handed over before {@link #handOver}
 * returns.
 */
final class NotificationQueue {
  private record Notification(String method, JsonNode params) {}

  private static final Notification END = new Notification(null, null);

  private final BlockingQueue<Notification> waiting;

  NotificationQueue(int capacity) {
    this.waiting = new ArrayBlockingQueue<>(capacity);
  }

  /** Called on the reading thread; waits while the queue is full. */
  void put(String method, JsonNode params) {
    putUninterruptibly(new Notification(method, params));
  }

  /** The connection ended: nothing more will be put. */
  void end() {
    putUninterruptibly(END);
  }

  /** Hands every notification to {@code listener}, in order, until {@link #end}. */
  void handOver(BiConsumer<String, JsonNode> listener) {
    while (true) {
      Notification next;
      try {
        next = waiting.take();
      } catch (InterruptedException e) {
        // Nobody interrupts the keeping thread; if it happens, carry on: what is queued was read.
        continue;
      }
      if (next == END) {
        return;
      }
      listener.accept(next.method(), next.params());
    }
  }

  /**
   * An interrupt must not drop what was read: the reading thread is only ever ended by the
   * connection closing, which ends its read, not by an interrupt.
   */
  private void putUninterruptibly(Notification notification) {
    boolean interrupted = false;
    while (true) {
      try {
        waiting.put(notification);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
