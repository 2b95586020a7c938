package dev.khabar.ingest.publish;

import dev.khabar.common.contract.RawPage;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the crawl hands what it found: pages to publish, what it gave up on, and what the next
 * crawler of a site needs to carry on (re-fetch plans, the politeness of its hosts).
 */
public interface PageSink {
  /** Queues a page for publishing; may wait while the queue is full. */
  default void publish(RawPage page) throws InterruptedException {
    publish(page, null);
  }

  /**
   * Queues a page for publishing with the re-fetch plan of its article ({@code null}: none), to be
   * kept in Kafka in the same transaction as the page: a page published always has its plan.
   */
  void publish(RawPage page, byte @Nullable [] refetchPlan) throws InterruptedException;

  /** Queues a record of a page or source the crawler gave up on. */
  void deadLetter(String url, String sourceId, String outcome, String reason)
      throws InterruptedException;

  /**
   * Queues the re-fetch plan of an article of the site {@code sourceId}, to be kept in Kafka with
   * the pages; {@code null} when none of its re-fetches is left.
   */
  void keepRefetchPlan(String url, String sourceId, byte @Nullable [] plan)
      throws InterruptedException;

  /**
   * Queues the politeness of a host of the site {@code siteId} ({@code HostPoliteness} JSON), to be
   * kept in Kafka with the pages.
   */
  void keepHostPoliteness(String host, String siteId, byte[] politeness)
      throws InterruptedException;

  /** Waits up to {@code timeout} until everything queued so far is published; true when it is. */
  boolean flush(Duration timeout) throws InterruptedException;
}
