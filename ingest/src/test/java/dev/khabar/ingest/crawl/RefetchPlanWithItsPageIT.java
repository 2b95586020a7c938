package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.publish.PagePublisher;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A crawler killed once it has handed a new article's page over still leaves the article's re-fetch
 * plan in Kafka: the plan is published with the page, in its transaction, so whoever crawls the
 * site next makes the re-fetches. The kill is a crawler whose every call to the publisher after the
 * page hangs, as a SIGKILL at that instant would leave it, while the publisher commits what it was
 * given.
 */
class RefetchPlanWithItsPageIT {
  private static final String ARTICLE = "<html><body><p>قتلى في حادث</p></body></html>";

  private final String suffix = "-plan-with-page-" + System.nanoTime();
  private final String raw = "khabar.pages.raw" + suffix;
  private final String refetchTopic = "khabar.ingest.refetches" + suffix;
  private final String bootstrap = SharedServices.kafka().bootstrapServers();
  private final Map<String, Object> kafka = KafkaSettings.plaintext(bootstrap).clientProperties();

  @Test
  void aPagePublishedByACrawlerKilledRightAfterHasItsReFetchPlanInKafka() throws Exception {
    TopicSetup.ensure(
        kafka,
        Duration.ofSeconds(30),
        new TopicSpec(raw, 1, (short) -1, Map.of()),
        new TopicSpec("khabar.ingest.seen" + suffix, 1, (short) -1, Map.of()),
        new TopicSpec("khabar.ingest.dlq" + suffix, 1, (short) -1, Map.of()),
        new TopicSpec(refetchTopic, 1, (short) -1, Map.of("cleanup.policy", "compact")),
        new TopicSpec(
            "khabar.ingest.politeness" + suffix,
            1,
            (short) -1,
            Map.of("cleanup.policy", "compact")));
    SeenUrls seen = new SeenUrls();
    try (LoopbackWeb web = new LoopbackWeb();
        PagePublisher publisher =
            new PagePublisher(
                kafka,
                new PagePublisher.Settings(
                    raw,
                    "khabar.ingest.seen" + suffix,
                    "khabar.ingest.dlq" + suffix,
                    refetchTopic,
                    "khabar.ingest.politeness" + suffix,
                    "khabar-ingest-plan" + suffix,
                    1024 * 1024,
                    16,
                    Duration.ofMillis(10)),
                seen,
                new SimpleMeterRegistry())) {
      web.page("/a1.html", ARTICLE);
      web.serve(
          "/feed.xml",
          200,
          "application/rss+xml",
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
              + "<item><link>/a1.html</link></item></channel></rss>");
      Site site = Sites.feeds("annahar", web.url("/feed.xml"));
      publisher.start();
      Crawler crawler =
          new Crawler(
              new Crawler.Plan(
                  List.of(site), new Refetches(2, Duration.ofHours(1)), Clock.systemUTC()),
              web.fetching,
              new Crawler.Output(
                  seen, new KilledAfterFirstPage(publisher), new SimpleMeterRegistry()));
      try {
        crawler.start();
        TopicReader.read(bootstrap, raw, 1, Duration.ofSeconds(30), Duration.ZERO);

        List<ConsumerRecord<byte[], byte[]>> plans =
            TopicReader.read(bootstrap, refetchTopic, 1, Duration.ofSeconds(10), Duration.ZERO);

        assertEquals(1, plans.size());
        assertEquals(
            web.url("/a1.html"), new String(plans.getFirst().key(), StandardCharsets.UTF_8));
        RefetchPlan plan = Json.fromBytes(plans.getFirst().value(), RefetchPlan.class);
        assertEquals(web.url("/a1.html"), plan.url());
        assertEquals("annahar", plan.siteId());
        assertEquals(Refetches.hash(ARTICLE), plan.textHash());
        assertEquals(0, plan.made(), "no re-fetch made yet");
      } finally {
        crawler.stop(Duration.ofSeconds(1));
      }
    }
  }

  /**
   * Hands everything to the publisher up to and including the first page, then hangs on every call
   * until interrupted: nothing the crawler does after that page reaches Kafka.
   */
  private static final class KilledAfterFirstPage implements PageSink {
    private final PageSink publisher;
    private volatile boolean killed;

    KilledAfterFirstPage(PageSink publisher) {
      this.publisher = publisher;
    }

    @Override
    public void publish(RawPage page, byte @Nullable [] refetchPlan) throws InterruptedException {
      hangIfKilled();
      publisher.publish(page, refetchPlan);
      killed = true;
    }

    @Override
    public void deadLetter(String url, String sourceId, String outcome, String reason)
        throws InterruptedException {
      hangIfKilled();
      publisher.deadLetter(url, sourceId, outcome, reason);
    }

    @Override
    public void keepRefetchPlan(String url, String sourceId, byte @Nullable [] plan)
        throws InterruptedException {
      hangIfKilled();
      publisher.keepRefetchPlan(url, sourceId, plan);
    }

    @Override
    public void keepHostPoliteness(String host, String siteId, byte[] politeness)
        throws InterruptedException {
      hangIfKilled();
      publisher.keepHostPoliteness(host, siteId, politeness);
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
      return publisher.flush(timeout);
    }

    private void hangIfKilled() throws InterruptedException {
      if (killed) {
        new CountDownLatch(1).await();
      }
    }
  }
}
