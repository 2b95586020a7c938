package dev.khabar.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.RefreshStats;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.elasticsearch.indices.stats.IndexStats;
import dev.khabar.common.service.StageTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@code indexed_to_searchable}: from Elasticsearch's acknowledgement of a document to the
 * first refresh of the index after it, the moment the document becomes visible to searches. The
 * index's count of refreshes that searches see ({@code refresh.external_total} of its primaries) is
 * read every {@code interval} while documents wait to be timed; when it has grown since the
 * previous reading, every document acknowledged before that reading is searchable, and its span
 * ends at the new reading. A span is thus an upper bound, too long by at most one interval plus a
 * stats request; and a refresh of any shard counts, which with shards refreshed on one schedule
 * (the default) is the same moment. Thread-safe: acknowledgements come from the ingester's threads,
 * readings from its own.
 */
final class RefreshWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshWatch.class);

  /**
   * Acknowledgements kept while no reading succeeds (Elasticsearch down, statistics refused): the
   * oldest beyond this go untimed rather than fill the heap.
   */
  static final int MAX_WAITING = 100_000;

  private final ElasticsearchClient client;
  private final String index;
  private final Clock clock;
  private final StageTimer timer;
  private final ConcurrentLinkedQueue<Instant> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final ScheduledExecutorService reader;
  private long previousRefreshes = -1;
  private @Nullable Instant previousReading;

  RefreshWatch(
      ElasticsearchClient client,
      String index,
      MeterRegistry registry,
      Clock clock,
      Duration interval) {
    this.client = client;
    this.index = index;
    this.clock = clock;
    this.timer = StageTimer.of(registry, "indexed_to_searchable");
    this.reader =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("khabar-refresh-watch").daemon(true).unstarted(runnable));
    reader.scheduleWithFixedDelay(
        this::read, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A document was acknowledged at {@code at}. */
  void acknowledged(Instant at) {
    acknowledged.add(at);
    if (waiting.incrementAndGet() > MAX_WAITING && acknowledged.poll() != null) {
      waiting.decrementAndGet();
    }
  }

  /** Package-private for tests; otherwise called on the reader thread only. */
  void read() {
    if (waiting.get() == 0) {
      // Nothing to time: no statistics request to Elasticsearch while the indexer is idle. The
      // next reading after an acknowledgement starts afresh.
      previousReading = null;
      return;
    }
    Instant reading = clock.instant();
    long refreshes;
    try {
      refreshes = refreshes();
    } catch (IOException | RuntimeException e) {
      // Elasticsearch down or the index not there yet: the spans go on until a reading succeeds.
      LOG.debug("reading the refresh count of {}: {}", index, e.toString());
      return;
    }
    if (previousReading != null && refreshes > previousRefreshes) {
      Instant searchable = clock.instant();
      for (Iterator<Instant> it = acknowledged.iterator(); it.hasNext(); ) {
        Instant ack = it.next();
        if (!ack.isAfter(previousReading)) {
          timer.record(ack, searchable);
          it.remove();
          waiting.decrementAndGet();
        }
      }
    }
    previousReading = reading;
    previousRefreshes = refreshes;
  }

  private long refreshes() throws IOException {
    IndicesStatsResponse stats = client.indices().stats(s -> s.index(index).metric("refresh"));
    IndexStats primaries = stats.all().primaries();
    RefreshStats refresh = primaries == null ? null : primaries.refresh();
    if (refresh == null) {
      throw new IllegalStateException("no refresh statistics");
    }
    return refresh.externalTotal();
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
