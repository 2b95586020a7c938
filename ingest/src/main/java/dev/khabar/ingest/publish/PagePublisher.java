package dev.khabar.ingest.publish;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.StageTimer;
import dev.khabar.ingest.seen.SeenUrls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes raw pages to Kafka, each in one transaction with its seen-URL marker (and its article's
 * first re-fetch plan, if any), so that a page is published exactly when its URL is remembered: a
 * crash between the two cannot lose or repeat a page, nor keep a page without its plan. Pages are
 * queued (bounded: a full queue makes fetchers wait) and committed in batches by one named thread.
 * If Kafka is unreachable the batch is kept and retried with backoff until it commits: a fetched
 * page is never dropped while its site is this instance's to publish. Failures of pages ({@link
 * #deadLetter}) go to the dead-letter topic the same way.
 *
 * <p>Before each attempt to commit, records of sites no longer this instance's ({@link
 * SiteClaims#mayPublish}) are dropped, their URLs' claims released: another instance crawls the
 * site now and fetches them again. Each transaction also commits the {@link SiteClaims.Proof} that
 * this instance is still the member of the ingest group that owns the sites; Kafka refuses the
 * transaction of an instance the group has moved on from, and the batch is tried again, without the
 * sites that moved.
 */
public final class PagePublisher implements PageSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PagePublisher.class);
  private static final int MAX_BATCH = 200;

  /** Topic names and producer settings. */
  public record Settings(
      String rawTopic,
      String seenTopic,
      String deadLetterTopic,
      String refetchTopic,
      String politenessTopic,
      String transactionalId,
      long maxPageBytes,
      int queueCapacity,
      Duration batchWait) {}

  private sealed interface Item {
    String sourceId();
  }

  /**
   * A page already serialized by the fetching thread, so that the one publisher thread only sends;
   * with its article's re-fetch plan, if any.
   */
  private record PageItem(
      String url,
      String sourceId,
      byte[] value,
      byte[] marker,
      Instant fetchedAt,
      byte @Nullable [] refetchPlan)
      implements Item {}

  private record FailureItem(String url, String sourceId, String outcome, String reason)
      implements Item {}

  private record PlanItem(String url, String sourceId, byte @Nullable [] plan) implements Item {}

  private record HostItem(String host, String sourceId, byte[] politeness) implements Item {}

  private final Map<String, Object> clientProperties;
  private final Settings settings;
  private final SeenUrls seen;
  private final BlockingQueue<Item> queue;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Counter published;
  private final Counter deadLettered;
  private final Counter retries;
  private final StageTimer fetchToPublished;
  private volatile boolean closing;
  private volatile boolean lastCommitFailed;

  /** Transactions in a row the group refused: the membership they carried was out of date. */
  private int refusedInARow;

  private @Nullable KafkaProducer<byte[], byte[]> producer;
  private @Nullable KafkaClientMetrics producerMetrics;
  private final MeterRegistry registry;
  private final SiteClaims claims;

  /** Items queued (or about to be), and items committed or dropped since start: FIFO. */
  private final AtomicLong queued = new AtomicLong();

  private long handled;

  /** A publisher of every site's pages: for one instance that crawls them all. */
  public PagePublisher(
      Map<String, Object> clientProperties,
      Settings settings,
      SeenUrls seen,
      MeterRegistry registry) {
    this(clientProperties, settings, seen, registry, SiteClaims.ALL);
  }

  /** A publisher of the pages of the sites this instance {@code claims}. */
  public PagePublisher(
      Map<String, Object> clientProperties,
      Settings settings,
      SeenUrls seen,
      MeterRegistry registry,
      SiteClaims claims) {
    this.claims = claims;
    this.clientProperties = Map.copyOf(clientProperties);
    this.settings = settings;
    this.seen = seen;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.registry = registry;
    this.published = registry.counter("khabar_ingest_pages_published");
    this.deadLettered = registry.counter("khabar_ingest_dead_lettered");
    this.retries = registry.counter("khabar_ingest_publish_retries");
    this.fetchToPublished = StageTimer.of(registry, "fetch_to_published");
    registry.gauge("khabar_ingest_publish_queue", queue, BlockingQueue::size);
    this.thread = Thread.ofPlatform().name("khabar-publisher").daemon(false).unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  /**
   * False while Kafka refuses the pages: the last transaction failed and none has committed since.
   */
  public boolean isPublishing() {
    return !lastCommitFailed;
  }

  /**
   * Serializes and queues a page, with its article's re-fetch plan for the same transaction; waits
   * while the queue is full.
   */
  @Override
  public void publish(RawPage page, byte @Nullable [] refetchPlan) throws InterruptedException {
    byte[] value = Json.toBytes(page);
    if (value.length > maxRecordBytes(settings.maxPageBytes())) {
      // Cannot happen with the fetcher's size cap; if it does, one page must not block all.
      deadLetter(page.url(), page.sourceId(), "too_large", "record too large");
      return;
    }
    byte[] marker = page.fetchedAt().toString().getBytes(StandardCharsets.UTF_8);
    enqueue(
        new PageItem(page.url(), page.sourceId(), value, marker, page.fetchedAt(), refetchPlan));
  }

  /** Queues a record of a page or source the crawler gave up on. */
  @Override
  public void deadLetter(String url, String sourceId, String outcome, String reason)
      throws InterruptedException {
    enqueue(new FailureItem(url, sourceId, outcome, reason));
  }

  /** Queues an article's re-fetch plan, or its end ({@code null}), for the re-fetch topic. */
  @Override
  public void keepRefetchPlan(String url, String sourceId, byte @Nullable [] plan)
      throws InterruptedException {
    enqueue(new PlanItem(url, sourceId, plan));
  }

  /** Queues the politeness of a host of a site, for the politeness topic. */
  @Override
  public void keepHostPoliteness(String host, String siteId, byte[] politeness)
      throws InterruptedException {
    enqueue(new HostItem(host, siteId, politeness));
  }

  private void enqueue(Item item) throws InterruptedException {
    if (closing) {
      throw new IllegalStateException("publisher is closing");
    }
    // Counted first, so that a flush never returns before an item whose put it could have seen.
    queued.incrementAndGet();
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      queued.decrementAndGet();
      throw e;
    }
  }

  /**
   * Waits up to {@code timeout} until every item queued before the call is committed or dropped.
   */
  @Override
  public boolean flush(Duration timeout) throws InterruptedException {
    long target = queued.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (handled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  private synchronized void handled(int count) {
    handled += count;
    notifyAll();
  }

  /** The producer settings: exactly-once-per-URL publishing of 20–200 KB compressible pages. */
  Properties producerProperties() {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Page and marker commit together; the id survives restarts so a new instance fences the old.
    properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
    // HTML compresses 5-10x with zstd; large batches are what make compression pay.
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    // One request at a time: a transaction's first requests, refused while the coordinator still
    // completes the previous one, are then retried in order instead of overtaken by later ones
    // (which the broker rejects as out of sequence, loudly). Each request carries the batches
    // of every partition, so this costs little throughput.
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    // A page at the size cap, JSON-escaped, must fit in one request.
    properties.put(
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) maxRecordBytes(settings.maxPageBytes()));
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    // A batch commits in well under a second. Should an instance die inside a transaction and no
    // successor with its id come, the broker aborts it after this long, and enrich, which reads
    // committed pages only, is held up no longer than that (60 s by default).
    properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
    return properties;
  }

  /**
   * The record size limit for a page of {@code maxPageBytes}: JSON escaping can double the HTML.
   */
  public static long maxRecordBytes(long maxPageBytes) {
    return 2 * maxPageBytes + 1024 * 1024;
  }

  private void run() {
    List<Item> batch = new ArrayList<>();
    try {
      // Ready before the first page arrives: finding the transaction coordinator and fencing an
      // earlier instance take a while on a fresh cluster. If Kafka is not there yet, the first
      // commit tries again.
      try {
        producer();
      } catch (KafkaException e) {
        LOG.warn("Kafka not ready for publishing yet: {}", e.toString());
      }
      while (!closing || !queue.isEmpty() || !batch.isEmpty()) {
        if (batch.isEmpty()) {
          Item first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          // A page waits at most this long for company; under load the queue fills while the
          // previous transaction commits, so batches stay large without waiting.
          long deadline = System.nanoTime() + settings.batchWait().toNanos();
          while (batch.size() < MAX_BATCH) {
            Item next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
              break;
            }
            batch.add(next);
          }
        }
        if (commit(batch)) {
          batch.clear();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!batch.isEmpty() || !queue.isEmpty()) {
        LOG.warn(
            "stopped with {} pages not published; they will be fetched again",
            batch.size() + queue.size());
      }
    } finally {
      closeProducer();
      stopped.countDown();
    }
  }

  /** Commits the batch in one transaction; false (after a backoff) when it must be tried again. */
  private boolean commit(List<Item> batch) throws InterruptedException {
    dropNotOurs(batch);
    if (batch.isEmpty()) {
      return true;
    }
    try {
      KafkaProducer<byte[], byte[]> current = producer();
      current.beginTransaction();
      for (Item item : batch) {
        send(current, item);
      }
      Optional<SiteClaims.Proof> proof =
          claims.proof(batch.stream().map(Item::sourceId).collect(Collectors.toSet()));
      if (proof.isPresent()) {
        try {
          current.sendOffsetsToTransaction(proof.get().offsets(), proof.get().group());
        } catch (CommitFailedException e) {
          // The group moved on (a rebalance, or this member was given up for dead): try again as
          // the member it knows now, without the sites that moved meanwhile.
          current.abortTransaction();
          retries.increment();
          if (refusedInARow++ == 0) {
            LOG.info("the ingest group refused a transaction, trying again: {}", e.getMessage());
          }
          // A rebalance settles within a second or two; longer, this instance is cut off.
          lastCommitFailed = refusedInARow > 20;
          Thread.sleep(100);
          return false;
        }
      }
      current.commitTransaction();
    } catch (KafkaException e) {
      // Whatever the cause (broker down, fenced, timed out), a new producer with the same
      // transactional id aborts the open transaction; the batch is sent again from the start.
      retries.increment();
      lastCommitFailed = true;
      LOG.warn("could not publish {} records, retrying: {}", batch.size(), e.toString());
      closeProducer();
      Thread.sleep(1000);
      return false;
    }
    lastCommitFailed = false;
    refusedInARow = 0;
    Instant committed = Instant.now();
    for (Item item : batch) {
      if (item instanceof PageItem page) {
        seen.markPublished(page.url());
        published.increment();
        fetchToPublished.record(page.fetchedAt(), committed);
      } else if (item instanceof FailureItem) {
        deadLettered.increment();
      }
    }
    handled(batch.size());
    return true;
  }

  /** Drops the items of sites another instance crawls now; their URLs are fetched again there. */
  private void dropNotOurs(List<Item> batch) {
    int before = batch.size();
    batch.removeIf(
        item -> {
          if (claims.mayPublish(item.sourceId())) {
            return false;
          }
          if (item instanceof PageItem page) {
            seen.release(page.url());
          }
          return true;
        });
    if (batch.size() < before) {
      LOG.info("dropped {} records of sites this instance no longer crawls", before - batch.size());
      handled(before - batch.size());
    }
  }

  private void send(KafkaProducer<byte[], byte[]> current, Item item) {
    switch (item) {
      case PageItem page -> {
        byte[] key = page.url().getBytes(StandardCharsets.UTF_8);
        current.send(new ProducerRecord<>(settings.rawTopic(), key, page.value()));
        current.send(new ProducerRecord<>(settings.seenTopic(), key, page.marker()));
        if (page.refetchPlan() != null) {
          current.send(new ProducerRecord<>(settings.refetchTopic(), key, page.refetchPlan()));
        }
      }
      case PlanItem plan ->
          current.send(
              new ProducerRecord<>(
                  settings.refetchTopic(),
                  plan.url().getBytes(StandardCharsets.UTF_8),
                  plan.plan()));
      case HostItem host ->
          current.send(
              new ProducerRecord<>(
                  settings.politenessTopic(),
                  host.host().getBytes(StandardCharsets.UTF_8),
                  host.politeness()));
      case FailureItem failure -> {
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(
                settings.deadLetterTopic(),
                failure.url().getBytes(StandardCharsets.UTF_8),
                Json.toBytes(Map.of("url", failure.url(), "source_id", failure.sourceId())));
        record.headers().add(header("khabar.error.stage", "ingest"));
        record.headers().add(header("khabar.error.outcome", failure.outcome()));
        record.headers().add(header("khabar.error.message", failure.reason()));
        current.send(record);
      }
    }
  }

  private static RecordHeader header(String key, String value) {
    return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    KafkaProducer<byte[], byte[]> current = producer;
    if (current == null) {
      current = new KafkaProducer<>(producerProperties());
      try {
        current.initTransactions();
      } catch (KafkaException e) {
        current.close(Duration.ZERO);
        throw e;
      }
      producer = current;
      // The producer's own metrics (batch sizes, compression, request latency) for this producer.
      producerMetrics = new KafkaClientMetrics(current);
      producerMetrics.bindTo(registry);
    }
    return current;
  }

  private void closeProducer() {
    KafkaProducer<byte[], byte[]> current = producer;
    producer = null;
    if (producerMetrics != null) {
      producerMetrics.close();
      producerMetrics = null;
    }
    if (current != null) {
      current.close(Duration.ofSeconds(2));
    }
  }

  /**
   * Stops taking pages, publishes what is queued, and waits up to {@code timeout}; what is still
   * unpublished then is not marked seen, so it is fetched again after restart.
   */
  public void close(Duration timeout) {
    closing = true;
    try {
      if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.interrupt();
        stopped.await(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(7));
  }
}
