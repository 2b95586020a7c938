package dev.khabar.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.Metrics;
import dev.khabar.common.service.ServiceEndpoints;
import dev.khabar.common.service.ServiceEndpoints.Readiness;
import dev.khabar.common.service.ServiceRunner;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.indexer.bulk.ArticleIndexer;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.mapping.IndexSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer service: installs the index design, then indexes articles until stopped. On SIGTERM
 * it stops consuming, flushes, commits and exits within 15 s.
 */
public final class IndexerService implements ServiceRunner.Service {
  private static final Logger LOG = LoggerFactory.getLogger(IndexerService.class);

  private final PrometheusMeterRegistry registry;
  private final ElasticsearchClient client;
  private final IndexSetup indexSetup;
  private final ArticleIndexer indexer;
  private final Thread thread;
  private final ServiceEndpoints endpoints;
  private final Map<String, Object> kafka;
  private final String articlesTopic;
  private boolean closed;
  private boolean consuming;

  public IndexerService(IndexerConfig config) throws IOException, InterruptedException {
    this.registry = Metrics.registry("indexer");
    this.kafka = config.kafka().clientProperties();
    this.articlesTopic = config.indexing().articlesTopic();
    TopicSetup.ensure(
        kafka,
        Duration.ofMinutes(5),
        new TopicSpec(
            config.indexing().deadLetterTopic(),
            config.deadLetterPartitions(),
            (short) -1,
            Map.of()));
    this.client = ElasticsearchClients.create(config.elasticsearch());
    this.indexSetup = new IndexSetup(client, config.indexing().alias());
    installWhenReachable(config);
    this.indexer =
        new ArticleIndexer(kafka, client, config.indexing(), registry, Clock.systemUTC());
    this.thread = Thread.ofPlatform().name("khabar-indexer").unstarted(this::consumeWhenReady);
    this.endpoints =
        ServiceEndpoints.start(config.httpHost(), config.httpPort(), registry, this::readiness);
  }

  /** Elasticsearch may start after the indexer (compose, a restart): wait for it. */
  private void installWhenReachable(IndexerConfig config) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long nextReport = System.nanoTime();
    while (true) {
      try {
        indexSetup.install();
        return;
      } catch (IOException | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Elasticsearch at " + config.elasticsearch().url() + " did not answer", e);
        }
        if (System.nanoTime() - nextReport >= 0) {
          // Once, then every half minute: a node that starts later is no cause for a log flood.
          LOG.warn(
              "waiting for Elasticsearch at {}: {}", config.elasticsearch().url(), e.toString());
          nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        }
        Thread.sleep(2000);
      }
    }
  }

  /**
   * Consumes once the articles topic exists: enrich creates it, with its partition count, and may
   * start after the indexer. The consumer never has the broker create it.
   */
  private void consumeWhenReady() {
    try {
      TopicSetup.await(kafka, Set.of(articlesTopic));
    } catch (InterruptedException e) {
      return; // stopped before the topic appeared
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      consuming = true;
    }
    try {
      indexer.run();
    } catch (IllegalStateException e) {
      if (!isClosed()) {
        throw e;
      }
      // Stopped between the topic's appearance and the first poll: nothing was consumed.
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private synchronized boolean waitingForTopic() {
    return !consuming && !closed;
  }

  private Readiness readiness() {
    if (waitingForTopic()) {
      return Readiness.notReady("waiting for topic " + articlesTopic + " (enrich creates it)");
    }
    if (!indexer.isRunning()) {
      return Readiness.notReady(
          "not consuming (not started, stopping, or stopped by an error in the log)");
    }
    try {
      return indexSetup.isInstalled()
          ? Readiness.ok()
          : Readiness.notReady("index template or alias missing");
    } catch (IOException | RuntimeException e) {
      return Readiness.notReady("elasticsearch unreachable: " + e.getMessage());
    }
  }

  public void start() {
    thread.start();
  }

  public int httpPort() {
    return endpoints.port();
  }

  @Override
  public void close() {
    boolean wasConsuming;
    synchronized (this) {
      closed = true;
      wasConsuming = consuming;
    }
    if (!wasConsuming) {
      thread.interrupt(); // waits for the topic, not in the consumer: safe to interrupt
    }
    indexer.stop(Duration.ofSeconds(12));
    endpoints.close();
    try {
      client.close();
    } catch (IOException e) {
      LOG.debug("closing the Elasticsearch client", e);
    }
    registry.close();
  }

  public static void main(String[] args) throws Exception {
    ServiceRunner.runUntilStopped(
        "indexer", new IndexerService(IndexerConfig.fromEnv(Env.service())));
  }
}
