package dev.khabar.ingest.crawl;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The crawl's threads: polls and fetches run on virtual threads (they spend their time waiting for
 * hosts), and one named daemon thread, {@code khabar-scheduler}, hands delayed tasks to them. Once
 * stopped, no delayed task starts. Thread-safe.
 */
final class CrawlTasks {
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable ->
              Thread.ofPlatform().name("khabar-scheduler").daemon(true).unstarted(runnable));
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean stopping;

  /** Runs the task now, on a thread of its own. */
  void run(Runnable task) {
    workers.execute(task);
  }

  /** Runs the task after the delay, unless stopped by then. */
  void runAfter(Duration delay, Runnable task) {
    if (stopping) {
      return;
    }
    scheduler.schedule(() -> workers.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Drops the delayed tasks and waits up to {@code timeout} for the running ones. */
  void stop(Duration timeout) {
    stopping = true;
    scheduler.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }
}
