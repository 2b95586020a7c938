package dev.khabar.ingest.politeness;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per host, with at least a minimum delay between the end of one request and
 * the start of the next. A host's delay can be raised (by robots.txt's Crawl-delay). Thread-safe.
 */
public final class HostThrottle {
  private final Duration defaultDelay;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  public HostThrottle(Duration defaultDelay) {
    if (defaultDelay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + defaultDelay);
    }
    this.defaultDelay = defaultDelay;
  }

  /** Sets a host's delay, e.g. from robots.txt; never below the default. */
  public void delay(String host, Duration delay) {
    slot(host).delayNanos = Math.max(defaultDelay.toNanos(), delay.toNanos());
  }

  /** Runs {@code work} as the host's only request, once the host's delay has passed. */
  public <T, E extends Exception> T call(String host, Work<T, E> work)
      throws E, InterruptedException {
    Slot slot = slot(host);
    slot.lock.lockInterruptibly();
    try {
      long wait = slot.nextStartNanos - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      try {
        return work.run();
      } finally {
        slot.nextStartNanos = System.nanoTime() + slot.delayNanos;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private Slot slot(String host) {
    return slots.computeIfAbsent(host, h -> new Slot(defaultDelay.toNanos()));
  }

  /** Work done under a host's slot. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E, InterruptedException;
  }

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    volatile long delayNanos;
    long nextStartNanos = System.nanoTime();

    Slot(long delayNanos) {
      this.delayNanos = delayNanos;
    }
  }
}
