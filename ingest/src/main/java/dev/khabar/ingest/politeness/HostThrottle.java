package dev.khabar.ingest.politeness;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One request at a time per host, with at least the host's delay between the end of one request and
 * the start of the next. A host's delay is the longer of its configured delay and the Crawl-delay
 * its robots.txt asks for. Each change of a host's politeness (a request ended, another Crawl-delay
 * learnt) is told to a {@link Listener}; a host another crawler asked last is taken over with
 * {@link #resume}. Thread-safe.
 */
public final class HostThrottle {
  /** Told of each change of a host's politeness, within the host's turn: in order, per host. */
  @FunctionalInterface
  public interface Listener {
    /** Hears nothing. */
    Listener NONE = (host, crawlDelay, lastRequestEndedAt) -> {};

    /**
     * A request to {@code host} (lower case) ended at {@code lastRequestEndedAt}, or the host asked
     * for another Crawl-delay since; its Crawl-delay is now {@code crawlDelay} (zero when it asks
     * for none). Must not throw.
     */
    void changed(String host, Duration crawlDelay, Instant lastRequestEndedAt);
  }

  private static final Duration ONE_DAY = Duration.ofDays(1);

  private final Function<String, Duration> configuredDelay;
  private final Listener listener;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  /** The same delay for every host. */
  public HostThrottle(Duration delay) {
    this(host -> delay);
  }

  /** Each host's configured delay from {@code configuredDelay}, asked once per host. */
  public HostThrottle(Function<String, Duration> configuredDelay) {
    this(configuredDelay, Listener.NONE);
  }

  /** As {@link #HostThrottle(Function)}, telling {@code listener} of each change of politeness. */
  public HostThrottle(Function<String, Duration> configuredDelay, Listener listener) {
    this.configuredDelay = configuredDelay;
    this.listener = listener;
  }

  /**
   * Records a host's Crawl-delay; the host waits the longer of it and its configured delay. A
   * change is told to the listener in the host's turn, once a request under way has ended.
   */
  public void crawlDelay(String host, Duration delay) throws InterruptedException {
    String name = host.toLowerCase(Locale.ROOT);
    Slot slot = slot(name);
    long nanos = Math.max(0, delay.toNanos());
    if (slot.crawlDelayNanos == nanos) {
      return;
    }
    slot.crawlDelayNanos = nanos;
    slot.lock.lockInterruptibly();
    try {
      if (slot.used) {
        listener.changed(name, Duration.ofNanos(slot.crawlDelayNanos), slot.lastEndedAt);
      }
    } finally {
      slot.lock.unlock();
    }
  }

  /** The delay a host waits between two requests now. */
  public Duration delay(String host) {
    Slot slot = slot(host);
    return Duration.ofNanos(Math.max(slot.configuredNanos, slot.crawlDelayNanos));
  }

  /**
   * Takes over a host another crawler asked last (or this one, before a restart): its Crawl-delay,
   * and the end of the last request made to it, after which the next request here waits the host's
   * delay. An end later than this instance's own last request to the host wins; one in the future
   * (the clocks of two machines differ) counts as now.
   */
  public void resume(String host, Duration crawlDelay, Instant lastRequestEndedAt)
      throws InterruptedException {
    Slot slot = slot(host);
    slot.crawlDelayNanos = Math.max(0, crawlDelay.toNanos());
    slot.lock.lockInterruptibly();
    try {
      Instant now = Instant.now();
      Instant ended = lastRequestEndedAt.isAfter(now) ? now : lastRequestEndedAt;
      Duration ago = Duration.between(ended, now);
      // A day ago is as good as never for any delay, and keeps the arithmetic far from overflow.
      long end = System.nanoTime() - (ago.compareTo(ONE_DAY) > 0 ? ONE_DAY : ago).toNanos();
      if (!slot.used || end - slot.lastEndNanos > 0) {
        slot.lastEndNanos = end;
        slot.lastEndedAt = ended;
        slot.used = true;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  /** Runs {@code work} as the host's only request, once the host's delay has passed. */
  public <T, E extends Exception> T call(String host, Work<T, E> work)
      throws E, InterruptedException {
    String name = host.toLowerCase(Locale.ROOT);
    Slot slot = slot(name);
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
        slot.lastEndedAt = Instant.now();
        slot.used = true;
        listener.changed(name, Duration.ofNanos(slot.crawlDelayNanos), slot.lastEndedAt);
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
    Instant lastEndedAt = Instant.EPOCH;

    Slot(long configuredNanos) {
      this.configuredNanos = Math.max(0, configuredNanos);
    }
  }
}
