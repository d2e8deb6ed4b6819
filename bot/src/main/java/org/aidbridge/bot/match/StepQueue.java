package org.aidbridge.bot.match;

import java.util.Arrays;

/**
 * The places a {@link MatchSearch} still has to look, highest bound first: a binary heap kept in
 * parallel arrays, so queueing a place allocates nothing (a search queues a few hundred, and a
 * {@link java.util.PriorityQueue} of records cost a fifth of the search in sifting and garbage).
 *
 * <p>Each place is a target (a {@link SpatialGrid.Cell} or a {@link RankedEntries}) with an int (a
 * cell's scope, a list's position) and a double (a list's base bound).
 */
final class StepQueue {
  private double[] bounds = new double[64];
  private Object[] targets = new Object[64];
  private int[] ints = new int[64];
  private double[] bases = new double[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The highest bound queued; only when not empty. */
  double topBound() {
    return bounds[0];
  }

  Object topTarget() {
    return targets[0];
  }

  int topInt() {
    return ints[0];
  }

  double topBase() {
    return bases[0];
  }

  void add(double bound, Object target, int value, double base) {
    if (size == bounds.length) {
      grow();
    }
    int at = size++;
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (bounds[parent] >= bound) {
        break;
      }
      move(parent, at);
      at = parent;
    }
    set(at, bound, target, value, base);
  }

  /** Drops the top; read it first. */
  void removeTop() {
    int last = --size;
    double bound = bounds[last];
    Object target = targets[last];
    int value = ints[last];
    double base = bases[last];
    targets[last] = null;
    if (last == 0) {
      return;
    }
    int at = 0;
    int half = last >>> 1;
    while (at < half) {
      int child = 2 * at + 1;
      if (child + 1 < last && bounds[child + 1] > bounds[child]) {
        child++;
      }
      if (bound >= bounds[child]) {
        break;
      }
      move(child, at);
      at = child;
    }
    set(at, bound, target, value, base);
  }

  private void move(int from, int to) {
    set(to, bounds[from], targets[from], ints[from], bases[from]);
  }

  private void set(int at, double bound, Object target, int value, double base) {
    bounds[at] = bound;
    targets[at] = target;
    ints[at] = value;
    bases[at] = base;
  }

  private void grow() {
    int length = bounds.length * 2;
    bounds = Arrays.copyOf(bounds, length);
    targets = Arrays.copyOf(targets, length);
    ints = Arrays.copyOf(ints, length);
    bases = Arrays.copyOf(bases, length);
  }
}
