package dev.khabar.ingest;

import dev.khabar.common.service.Env;
import dev.khabar.common.service.Metrics;
import dev.khabar.common.service.ServiceEndpoints;
import dev.khabar.common.service.ServiceRunner;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.crawl.Crawler;
import dev.khabar.ingest.crawl.RefetchPlan;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.politeness.ConfiguredDelays;
import dev.khabar.ingest.politeness.HostPoliteness;
import dev.khabar.ingest.politeness.HostThrottle;
import dev.khabar.ingest.politeness.Politeness;
import dev.khabar.ingest.politeness.PolitenessKeeper;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PagePublisher;
import dev.khabar.ingest.publish.SiteClaims;
import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.share.SiteHandover;
import dev.khabar.ingest.share.SiteOwnership;
import dev.khabar.ingest.share.SiteRecords;
import dev.khabar.ingest.share.TopicTail;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: rebuilds the seen-URL memory from Kafka and keeps following it, joins the
 * ingest group, and crawls the sites of the partitions the group gives it until stopped. Every
 * instance is given the same sources; the group shares them out. On SIGTERM it stops polling, lets
 * fetches under way finish, publishes what is queued, leaves the group (its sites move to the other
 * instances at once) and exits within 10 s.
 */
public final class IngestService implements ServiceRunner.Service {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final IngestConfig config;
  private final PrometheusMeterRegistry registry;
  private final HttpFetcher fetcher;
  private final PagePublisher publisher;
  private final Crawler crawler;
  private final List<TopicTail> tails = new ArrayList<>();
  private final SiteOwnership ownership;
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
            Map.of("retention.ms", Long.toString(Duration.ofDays(14).toMillis()))),
        new TopicSpec(config.sitesTopic(), config.sitePartitions(), (short) -1, Map.of()),
        new TopicSpec(
            config.refetchTopic(),
            config.rawPartitions(),
            (short) -1,
            Map.of("cleanup.policy", "compact")),
        new TopicSpec(
            config.politenessTopic(),
            config.rawPartitions(),
            (short) -1,
            Map.of("cleanup.policy", "compact")));
    SeenUrls seen = new SeenUrls();
    // The topics are read at the same time, while the publisher starts; all of them to their end
    // before any site is taken.
    tails.add(
        TopicTail.follow(
            kafka,
            config.seenTopic(),
            (key, value) -> seen.markPublished(new String(key, StandardCharsets.UTF_8))));
    SiteRecords<RefetchPlan> refetchBook =
        new SiteRecords<>(
            RefetchPlan.class,
            RefetchPlan::siteId,
            Comparator.comparing(RefetchPlan::firstPublishedAt));
    if (config.refetches().count() > 0) {
      tails.add(TopicTail.follow(kafka, config.refetchTopic(), refetchBook::apply));
    }
    this.publisher =
        new PagePublisher(
            kafka,
            new PagePublisher.Settings(
                config.rawTopic(),
                config.seenTopic(),
                config.deadLetterTopic(),
                config.refetchTopic(),
                config.politenessTopic(),
                config.transactionalId(),
                config.fetch().maxBytes(),
                256,
                config.publishBatchWait()),
            seen,
            registry,
            new Claims());
    SiteRecords<HostPoliteness> hostPoliteness =
        new SiteRecords<>(
            HostPoliteness.class,
            HostPoliteness::siteId,
            Comparator.comparing(HostPoliteness::host));
    tails.add(TopicTail.follow(kafka, config.politenessTopic(), hostPoliteness::apply));
    TopicTail.awaitStart(tails, Duration.ofMinutes(5));
    Politeness politeness =
        new Politeness(
            new HostThrottle(
                new ConfiguredDelays(config.sites(), config.defaultDelay()),
                new PolitenessKeeper(config.sites(), publisher)),
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
    this.crawler =
        new Crawler(
            new Crawler.Plan(config.sites(), config.refetches(), Clock.systemUTC()),
            new Crawler.Fetching(fetcher, robots, config.fetch().userAgent()),
            new Crawler.Output(seen, publisher, registry));
    registry.gauge("khabar_ingest_sites_followed", crawler, Crawler::followed);
    this.ownership =
        new SiteOwnership(
            kafka,
            new SiteOwnership.Settings(
                config.sitesTopic(),
                config.groupId(),
                config.groupInstanceId(),
                config.sessionTimeout()),
            config.sites(),
            new SiteHandover(
                crawler, tails, refetchBook, hostPoliteness, politeness, Duration.ofSeconds(10)),
            registry);
    this.endpoints =
        ServiceEndpoints.start(config.httpHost(), config.httpPort(), registry, this::readiness);
  }

  /** The sites this instance crawls, and the proof the ingest group owes it for their pages. */
  private final class Claims implements SiteClaims {
    @Override
    public boolean mayPublish(String sourceId) {
      return crawler.mayPublish(sourceId);
    }

    @Override
    public Optional<Proof> proof(Collection<String> sourceIds) {
      return ownership.proof(sourceIds);
    }
  }

  private ServiceEndpoints.Readiness readiness() {
    Optional<String> failure = ownership.failure();
    if (failure.isPresent()) {
      return ServiceEndpoints.Readiness.notReady("out of the ingest group: " + failure.get());
    }
    if (!ownership.hasJoined()) {
      return ServiceEndpoints.Readiness.notReady("joining the ingest group");
    }
    return publisher.isPublishing()
        ? ServiceEndpoints.Readiness.ok()
        : ServiceEndpoints.Readiness.notReady("kafka refuses pages; retrying");
  }

  public void start() {
    publisher.start();
    ownership.start();
    LOG.info(
        "ingest sharing {} sites in group {} as {}",
        config.sites().size(),
        config.groupId(),
        config.groupInstanceId());
  }

  public int httpPort() {
    return endpoints.port();
  }

  @Override
  public void close() {
    crawler.stop(Duration.ofSeconds(3));
    // Gives the sites up (their pages are published first) and leaves the group.
    ownership.close(Duration.ofSeconds(5));
    publisher.close(Duration.ofSeconds(2));
    tails.forEach(TopicTail::close);
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
