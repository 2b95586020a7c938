package dev.khabar.ingest.publish;

import dev.khabar.common.contract.RawPage;
import java.time.Duration;

/** Where the crawl hands what it found: pages to publish, and what it gave up on. */
public interface PageSink {
  /** Queues a page for publishing; may wait while the queue is full. */
  void publish(RawPage page) throws InterruptedException;

  /** Queues a record of a page or source the crawler gave up on. */
  void deadLetter(String url, String sourceId, String outcome, String reason)
      throws InterruptedException;

  /** Waits up to {@code timeout} until everything queued so far is published; true when it is. */
  boolean flush(Duration timeout) throws InterruptedException;
}
