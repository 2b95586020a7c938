package dev.khabar.ingest.crawl;

import dev.khabar.ingest.sources.Site;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which sites this instance crawls now, and the work under way for each: a site is crawled under a
 * lease from {@link #take} until {@link #end}. Every poll, fetch and re-fetch of a site runs inside
 * its lease ({@link #runIn}), so that ending a lease can stop new work for the site and wait for
 * the work already running. Thread-safe.
 */
final class SiteLeases {
  /** The life of one lease. */
  enum State {
    /** The site is crawled. */
    ACTIVE,
    /** No new work starts; work under way may still publish. */
    ENDING,
    /** Over: nothing of this lease may be published any more. */
    ENDED
  }

  /** One period during which this instance crawls a site. */
  static final class Lease {
    private final Site site;
    private volatile State state = State.ACTIVE;
    private int running;

    private Lease(Site site) {
      this.site = site;
    }

    Site site() {
      return site;
    }

    State state() {
      return state;
    }

    private synchronized boolean enter() {
      if (state != State.ACTIVE) {
        return false;
      }
      running++;
      return true;
    }

    private synchronized void exit() {
      running--;
      notifyAll();
    }

    private synchronized void ending() {
      if (state == State.ACTIVE) {
        state = State.ENDING;
      }
    }

    /** Waits until no work of the lease runs, or until the deadline; true when none runs. */
    private synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
      while (running > 0) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }

    private void ended() {
      state = State.ENDED;
    }
  }

  private final Map<String, Lease> bySiteId = new ConcurrentHashMap<>();

  /** A new lease on the site, replacing any earlier one. */
  Lease take(Site site) {
    Lease lease = new Lease(site);
    Lease earlier = bySiteId.put(site.id(), lease);
    if (earlier != null) {
      earlier.ended();
    }
    return lease;
  }

  /** The lease on the site with this id now, if any. */
  @Nullable Lease current(String siteId) {
    return bySiteId.get(siteId);
  }

  /** Whether work of the site may still publish: its lease is active or ending. */
  boolean mayPublish(String siteId) {
    Lease lease = bySiteId.get(siteId);
    return lease != null && lease.state() != State.ENDED;
  }

  /** Runs the task inside the lease, or not at all (false) when the lease is no longer active. */
  static boolean runIn(Lease lease, Runnable task) {
    if (!lease.enter()) {
      return false;
    }
    try {
      task.run();
    } finally {
      lease.exit();
    }
    return true;
  }

  /** Stops new work of the site; what runs may finish and publish until {@link #end}. */
  static void stopStarting(Lease lease) {
    lease.ending();
  }

  /**
   * Waits up to {@code timeout} for the work under way in the leases; true when none runs any more.
   */
  static boolean awaitIdle(Iterable<Lease> leases, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean idle = true;
    for (Lease lease : leases) {
      idle &= lease.awaitIdle(deadline);
    }
    return idle;
  }

  /** Ends the lease: nothing of it is published from now on. */
  void end(Lease lease) {
    lease.ended();
    bySiteId.remove(lease.site().id(), lease);
  }

  /** How many sites are leased and not ending. */
  int active() {
    return (int) bySiteId.values().stream().filter(l -> l.state() == State.ACTIVE).count();
  }
}
