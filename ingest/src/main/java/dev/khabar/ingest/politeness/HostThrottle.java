package dev.khabar.ingest.politeness;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One request at a time per host, with at least the host's delay between the end of one request and
 * the start of the next. A host's delay is the longer of its configured delay and the Crawl-delay
 * its robots.txt asks for. Thread-safe.
 */
public final class HostThrottle {
  private final Function<String, Duration> configuredDelay;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  /** The same delay for every host. */
  public HostThrottle(Duration delay) {
    this(host -> delay);
  }

  /** Each host's configured delay from {@code configuredDelay}, asked once per host. */
  public HostThrottle(Function<String, Duration> configuredDelay) {
    this.configuredDelay = configuredDelay;
  }

  /** Records a host's Crawl-delay; the host waits the longer of it and its configured delay. */
  public void crawlDelay(String host, Duration delay) {
    slot(host).crawlDelayNanos = Math.max(0, delay.toNanos());
  }

  /** The delay a host waits between two requests now. */
  public Duration delay(String host) {
    Slot slot = slot(host);
    return Duration.ofNanos(Math.max(slot.configuredNanos, slot.crawlDelayNanos));
  }

  /** Runs {@code work} as the host's only request, once the host's delay has passed. */
  public <T, E extends Exception> T call(String host, Work<T, E> work)
      throws E, InterruptedException {
    Slot slot = slot(host);
    slot.lock.lockInterruptibly();
    try {
      if (slot.used) {
        // The delay as it is now: a Crawl-delay learnt since the last request counts already.
        long wait =
            slot.lastEndNanos
                + Math.max(slot.configuredNanos, slot.crawlDelayNanos)
                - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
      }
      try {
        return work.run();
      } finally {
        slot.lastEndNanos = System.nanoTime();
        slot.used = true;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private Slot slot(String host) {
    return slots.computeIfAbsent(
        host.toLowerCase(Locale.ROOT), h -> new Slot(configuredDelay.apply(h).toNanos()));
  }

  /** Work done under a host's slot. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E, InterruptedException;
  }

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    final long configuredNanos;
    volatile long crawlDelayNanos;
    // Guarded by the lock.
    boolean used;
    long lastEndNanos;

    Slot(long configuredNanos) {
      this.configuredNanos = Math.max(0, configuredNanos);
    }
  }
}
