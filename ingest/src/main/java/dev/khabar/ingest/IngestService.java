package dev.khabar.ingest;

import dev.khabar.common.service.Env;
import dev.khabar.common.service.Metrics;
import dev.khabar.common.service.ServiceEndpoints;
import dev.khabar.common.service.ServiceRunner;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.crawl.Crawler;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.politeness.ConfiguredDelays;
import dev.khabar.ingest.politeness.HostThrottle;
import dev.khabar.ingest.politeness.Politeness;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PagePublisher;
import dev.khabar.ingest.seen.SeenUrls;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: rebuilds the seen-URL memory from Kafka, then crawls its sources until
 * stopped. On SIGTERM it stops polling, lets fetches under way finish, publishes what is queued and
 * exits within 10 s.
 */
public final class IngestService implements ServiceRunner.Service {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final IngestConfig config;
  private final PrometheusMeterRegistry registry;
  private final HttpFetcher fetcher;
  private final PagePublisher publisher;
  private final Crawler crawler;
  private final ServiceEndpoints endpoints;

  public IngestService(IngestConfig config, AddressGuard.Resolver resolver) throws Exception {
    this.config = config;
    this.registry = Metrics.registry("ingest");
    Map<String, Object> kafka = config.kafka().clientProperties();
    long maxRecord = PagePublisher.maxRecordBytes(config.fetch().maxBytes());
    TopicSetup.ensure(
        kafka,
        Duration.ofMinutes(5),
        new TopicSpec(
            config.rawTopic(),
            config.rawPartitions(),
            (short) -1,
            Map.of("max.message.bytes", Long.toString(maxRecord), "compression.type", "producer")),
        new TopicSpec(
            config.seenTopic(),
            config.rawPartitions(),
            (short) -1,
            Map.of("cleanup.policy", "compact")),
        new TopicSpec(
            config.deadLetterTopic(),
            1,
            (short) -1,
            Map.of("retention.ms", Long.toString(Duration.ofDays(14).toMillis()))));
    SeenUrls seen = SeenUrls.rebuild(kafka, config.seenTopic());
    Politeness politeness =
        new Politeness(
            new HostThrottle(new ConfiguredDelays(config.sites(), config.defaultDelay())),
            config.maxConcurrentFetches());
    registry.gauge("khabar_ingest_fetches_in_flight", politeness, Politeness::inFlight);
    this.fetcher =
        new HttpFetcher(
            config.fetch(), new AddressGuard(resolver, config.allowPrivate()), politeness);
    RobotsRules robots =
        new RobotsRules(
            fetcher,
            politeness,
            "khabarbot",
            config.robotsExpiry(),
            config.maxCrawlDelay(),
            Clock.systemUTC());
    this.publisher =
        new PagePublisher(
            kafka,
            new PagePublisher.Settings(
                config.rawTopic(),
                config.seenTopic(),
                config.deadLetterTopic(),
                config.transactionalId(),
                config.fetch().maxBytes(),
                256,
                config.publishBatchWait()),
            seen,
            registry);
    this.crawler =
        new Crawler(
            new Crawler.Plan(config.sites(), config.refetches(), Clock.systemUTC()),
            new Crawler.Fetching(fetcher, robots, config.fetch().userAgent()),
            new Crawler.Output(seen, publisher, registry));
    this.endpoints =
        ServiceEndpoints.start(
            config.httpHost(),
            config.httpPort(),
            registry,
            () ->
                publisher.isPublishing()
                    ? ServiceEndpoints.Readiness.ok()
                    : ServiceEndpoints.Readiness.notReady("kafka refuses pages; retrying"));
  }

  public void start() {
    publisher.start();
    crawler.start();
    LOG.info("ingest following {} sites", config.sites().size());
  }

  public int httpPort() {
    return endpoints.port();
  }

  @Override
  public void close() {
    crawler.stop(Duration.ofSeconds(3));
    publisher.close(Duration.ofSeconds(5));
    fetcher.close();
    endpoints.close();
    registry.close();
  }

  public static void main(String[] args) throws Exception {
    ServiceRunner.runUntilStopped(
        "ingest",
        new IngestService(IngestConfig.fromEnv(Env.service()), AddressGuard.Resolver.SYSTEM));
  }
}
