package dev.khabar.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ContractException;
import dev.khabar.common.contract.Json;
import dev.khabar.common.service.StageTimer;
import dev.khabar.indexer.mapping.ArticleDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes articles and bulk-indexes them, at least once, with idempotent writes: the document id
 * is the article id and its external version the fetch time, so a replay never overwrites a newer
 * version. Offsets are committed only up to the first record that Elasticsearch has not yet
 * acknowledged and the dead-letter topic has not taken; each commit is one Kafka transaction with
 * the dead letters of the records it passes, so a crash before it can neither lose a dead letter
 * nor, after the replay, leave two. Items that fail for a passing reason (429, 503, rejected
 * execution, Elasticsearch down) are retried with backoff; the consumer pauses while too many
 * records are in flight, so memory stays bounded whatever Elasticsearch does.
 */
public final class ArticleIndexer implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleIndexer.class);
  private static final int MAX_REASON_CHARS = 1000;

  /** Topic names and tuning. */
  public record Settings(
      String articlesTopic,
      String deadLetterTopic,
      String alias,
      String groupId,
      String transactionalId,
      String groupInstanceId,
      int bulkMaxOperations,
      long bulkMaxBytes,
      int bulkConcurrentRequests,
      Duration flushInterval,
      int maxInFlightRecords,
      Duration maxBackoff) {}

  private final Settings settings;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaClientMetrics consumerMetrics;
  private final BulkIngester<RecordRef> ingester;
  private final DeadLetters deadLetters;
  private final OffsetTracker offsets = new OffsetTracker();
  private final LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();

  /** Dead letters not yet committed; they go out in the transaction that commits their offsets. */
  private final List<DeadLetters.Letter> letters = new ArrayList<>();

  private final ScheduledExecutorService retries;
  private final Clock clock;
  private final Counter indexed;
  private final Counter alreadyNewer;
  private final Counter deadLettered;
  private final Counter retried;
  private final Counter duplicatesSkipped;
  private final StageTimer enrichedToIndexed;
  private final RefreshWatch refreshWatch;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicInteger awaitingRetry = new AtomicInteger();
  private volatile CommitHook commitHook = offsets -> {};

  /**
   * Test seam: runs on the consumer thread after Elasticsearch acknowledged the records and just
   * before their offsets are committed. A hook that throws stands for a process killed at that
   * point: nothing is committed, and the consumer thread ends.
   */
  @FunctionalInterface
  interface CommitHook {
    void beforeCommit(Map<TopicPartition, OffsetAndMetadata> offsets);
  }

  /** A record that needs no more work from Elasticsearch: acknowledged or to be dead-lettered. */
  private record Finished(RecordRef ref, String errorType, String message) {
    boolean ok() {
      return errorType.isEmpty();
    }
  }

  public ArticleIndexer(
      Map<String, Object> clientProperties,
      ElasticsearchClient client,
      Settings settings,
      MeterRegistry registry,
      Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties, settings));
    this.deadLetters =
        new DeadLetters(clientProperties, settings.deadLetterTopic(), settings.transactionalId());
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("khabar-bulk-retry").daemon(true).unstarted(runnable));
    this.ingester =
        BulkIngester.of(
            b ->
                b.client(client)
                    .maxOperations(settings.bulkMaxOperations())
                    .maxSize(settings.bulkMaxBytes())
                    .maxConcurrentRequests(settings.bulkConcurrentRequests())
                    .flushInterval(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                    .listener(new Listener()));
    this.indexed = registry.counter("khabar_indexer_documents_indexed");
    this.alreadyNewer = registry.counter("khabar_indexer_documents_already_newer");
    this.deadLettered = registry.counter("khabar_indexer_dead_lettered");
    this.retried = registry.counter("khabar_indexer_retries");
    this.duplicatesSkipped = registry.counter("khabar_indexer_duplicates_skipped");
    this.enrichedToIndexed = StageTimer.of(registry, "enriched_to_indexed");
    // Reads the index's refresh count ten times a second: cheap next to the bulk requests.
    this.refreshWatch =
        new RefreshWatch(client, settings.alias(), registry, clock, Duration.ofMillis(100));
    registry.gauge("khabar_indexer_in_flight_records", offsets, OffsetTracker::pendingCount);
    // The consumer's own metrics, lag (records-lag-max) among them; closed with the consumer.
    this.consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(registry);
  }

  private static Properties consumerProperties(Map<String, Object> client, Settings settings) {
    Properties properties = new Properties();
    properties.putAll(client);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    // Static membership: a restarted instance gets its partitions back at once, without a
    // rebalance and without waiting for a killed predecessor's session to time out.
    properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.groupInstanceId());
    // The topic is enrich's to create, with its partition count; never the broker's default.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // Commits follow Elasticsearch's acknowledgements, never the clock.
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // enrich writes in transactions: only committed articles are indexed.
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    return properties;
  }

  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("this indexer has already run or been stopped");
    }
    try {
      consumer.subscribe(List.of(settings.articlesTopic()), new Rebalance());
      try {
        while (running) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            accept(record);
          }
          drainFinished();
          commit();
          applyBackpressure();
        }
      } catch (WakeupException e) {
        if (running) {
          throw e;
        }
      }
      shutdownGracefully();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // E.g. fenced by another instance with the same transactional id: this one cannot go on.
      LOG.error("indexing stopped: {}", e.toString(), e);
      throw e;
    } finally {
      retries.shutdownNow();
      refreshWatch.close();
      // Each step on its own: one that fails must not keep the others from releasing their threads.
      // Leaves the group, so that another instance takes the partitions over now; a static member
      // would otherwise keep them until its session times out.
      closeQuietly(
          "the Kafka consumer",
          () ->
              consumer.close(
                  CloseOptions.groupMembershipOperation(
                          CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                      .withTimeout(Duration.ofSeconds(5))));
      consumerMetrics.close();
      closeQuietly("the dead-letter producer", deadLetters::close);
      stopped.countDown();
    }
  }

  private static void closeQuietly(String what, Runnable close) {
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.warn("closing {}: {}", what, e.toString());
    }
  }

  /** Package-private for tests: see {@link CommitHook}. */
  void commitHook(CommitHook hook) {
    this.commitHook = hook;
  }

  /** Package-private for tests; otherwise called on the consumer thread only. */
  void accept(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    offsets.started(partition, record.offset());
    String key =
        record.key() == null
            ? ""
            : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    RecordRef ref =
        new RecordRef(
            partition,
            record.offset(),
            key,
            record.value() == null ? new byte[0] : record.value(),
            // Not known before the value is read; a record that cannot be read is never timed.
            Instant.EPOCH,
            0);
    Article article;
    try {
      article = Json.fromBytes(ref.value(), Article.class);
    } catch (ContractException e) {
      String message = abbreviate(String.valueOf(e.getMessage()), MAX_REASON_CHARS);
      LOG.warn("poison record at {}-{}: {}", partition, record.offset(), message);
      finished.add(new Finished(ref, "contract_error", message));
      return;
    }
    if (article.duplicateOf() != null) {
      // The same text is already indexed under another URL; analysts should see it once.
      duplicatesSkipped.increment();
      finished.add(new Finished(ref, "", ""));
      return;
    }
    RecordRef withId =
        new RecordRef(
            partition, record.offset(), article.id(), ref.value(), article.processedAt(), 0);
    ingester.add(operation(article), withId);
  }

  private BulkOperation operation(Article article) {
    ArticleDocument document = ArticleDocument.of(article, clock.instant());
    return BulkOperation.of(
        op ->
            op.index(
                index ->
                    index
                        .index(settings.alias())
                        .id(article.id())
                        .versionType(VersionType.External)
                        .version(ArticleDocument.version(article))
                        .document(document)));
  }

  /** Package-private for tests; otherwise called on the consumer thread only. */
  void drainFinished() {
    Finished next;
    while ((next = finished.poll()) != null) {
      if (!next.ok()) {
        letters.add(new DeadLetters.Letter(next.ref(), next.errorType(), next.message()));
      }
      // Done now; its offset is committed only together with its dead letter, if it has one.
      offsets.done(next.ref().partition(), next.ref().offset());
    }
  }

  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable();
    // A letter goes out only with the commit that passes its offset: written earlier, a crash
    // before that commit would replay the record and dead-letter it a second time.
    List<DeadLetters.Letter> due = new ArrayList<>();
    for (DeadLetters.Letter letter : letters) {
      OffsetAndMetadata next = committable.get(letter.ref().partition());
      if (next != null && next.offset() > letter.ref().offset()) {
        due.add(letter);
      }
    }
    if (committable.isEmpty()) {
      return;
    }
    commitHook.beforeCommit(committable);
    try {
      deadLetters.commit(due, committable, consumer.groupMetadata());
    } catch (DeadLetters.CommitFailed e) {
      LOG.warn(
          "commit of {} offsets and {} dead letters failed, retrying: {}",
          committable.size(),
          due.size(),
          e.getMessage());
      return;
    }
    deadLettered.increment(due.size());
    letters.removeAll(due);
    offsets.committed(committable);
  }

  private void applyBackpressure() {
    if (offsets.pendingCount() > settings.maxInFlightRecords()) {
      consumer.pause(consumer.assignment());
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private void shutdownGracefully() throws InterruptedException {
    // Retries wait for the next start: drop them now rather than wait for them below.
    retries.shutdownNow();
    ingester.flush();
    long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    // Wait for what is with Elasticsearch, not for what waits to be retried: the next start does
    // that.
    while (offsets.pendingCount() > awaitingRetry.get() && System.nanoTime() < deadline) {
      drainFinished();
      Thread.sleep(50);
    }
    drainFinished();
    commit();
    ingester.close();
  }

  static String abbreviate(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
  }

  /** 200 ms before the first retry, doubling per attempt, never more than {@code max}. */
  static long backoffMillis(int attempt, Duration max) {
    return Math.min(max.toMillis(), 200L << Math.min(attempt, 10));
  }

  /** Re-sends an operation after a backoff that doubles per attempt, up to the maximum. */
  private void retryLater(RecordRef ref, byte[] value) {
    retried.increment();
    long delay = backoffMillis(ref.attempt(), settings.maxBackoff());
    awaitingRetry.incrementAndGet();
    if (!running || retries.isShutdown()) {
      return; // stopping: not committed, so the next start indexes it again
    }
    try {
      retries.schedule(
          () -> {
            if (!running) {
              return; // not committed: the next start indexes it again
            }
            awaitingRetry.decrementAndGet();
            Article article = Json.fromBytes(value, Article.class);
            ingester.add(operation(article), ref.nextAttempt());
          },
          delay,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopping at this very moment: as above, the next start indexes it again.
    }
  }

  /** Sorts each bulk response item; runs on the ingester's threads. */
  private final class Listener implements BulkListener<RecordRef> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<RecordRef> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<RecordRef> contexts, BulkResponse response) {
      List<BulkResponseItem> items = response.items();
      Instant acknowledged = clock.instant();
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        RecordRef ref = contexts.get(i);
        if (item.error() == null) {
          indexed.increment();
          enrichedToIndexed.record(ref.processedAt(), acknowledged);
          refreshWatch.acknowledged(acknowledged);
          finished.add(new Finished(ref, "", ""));
          continue;
        }
        String type = item.error().type();
        switch (ItemFailures.classify(item.status(), type)) {
          case ALREADY_NEWER -> {
            alreadyNewer.increment();
            finished.add(new Finished(ref, "", ""));
          }
          case RETRY -> retryLater(ref, ref.value());
          case DEAD_LETTER -> {
            // Elasticsearch quotes the offending value, which may be the very thing too large.
            String reason = abbreviate(String.valueOf(item.error().reason()), MAX_REASON_CHARS);
            LOG.warn("article {} rejected by Elasticsearch: {} {}", ref.articleId(), type, reason);
            finished.add(new Finished(ref, type, reason));
          }
        }
      }
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<RecordRef> contexts, Throwable failure) {
      LOG.warn(
          "bulk request of {} documents failed, retrying: {}", contexts.size(), failure.toString());
      for (RecordRef ref : contexts) {
        retryLater(ref, ref.value());
      }
    }
  }

  /** Commits what is done before a partition moves to another instance. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      ingester.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      try {
        while (partitions.stream().anyMatch(p -> offsets.pendingCount(p) > 0)
            && System.nanoTime() < deadline) {
          drainFinished();
          Thread.sleep(20);
        }
        drainFinished();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      commit();
      partitions.forEach(offsets::forget);
      // Letters of records not committed yet: the partition's next owner processes them again.
      letters.removeIf(letter -> partitions.contains(letter.ref().partition()));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  }

  /**
   * Whether the consumer thread runs: false before {@link #run()} and once it ended, for any
   * reason.
   */
  public boolean isRunning() {
    return started.get() && stopped.getCount() > 0;
  }

  /** Package-private for tests: what is in flight and what may be committed. */
  OffsetTracker offsets() {
    return offsets;
  }

  /** Stops consuming, indexes and commits what is under way, and waits up to {@code timeout}. */
  public void stop(Duration timeout) {
    running = false;
    if (started.compareAndSet(false, true)) {
      // run() never started: there is no consumer thread to finish the work, so close here. The
      // consumer never joined and the producer never sent: nothing to wait for.
      closeQuietly("the bulk ingester", ingester::close);
      retries.shutdownNow();
      closeQuietly("the Kafka consumer", () -> consumer.close(CloseOptions.timeout(Duration.ZERO)));
      closeQuietly("the dead-letter producer", () -> deadLetters.close(Duration.ZERO));
      stopped.countDown();
      return;
    }
    consumer.wakeup();
    try {
      stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(12));
  }
}
