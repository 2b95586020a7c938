package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.RawPage;
import dev.khabar.ingest.fetch.LocalServer;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One article on a loopback server, published once and then re-fetched twice. */
class RefetcherTest {
  private static final String FIRST = "<html><body><p>قتلى في حادث</p></body></html>";
  private static final String CORRECTED = "<html><body><p>قتيلان في حادث (تصحيح)</p></body></html>";

  private final LoopbackWeb web = new LoopbackWeb();
  private final RecordingSink sink = new RecordingSink();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CrawlMetrics metrics = new CrawlMetrics(registry);
  private final Refetches refetches = new Refetches(2, Duration.ofHours(1));
  private final CrawlTasks tasks = new CrawlTasks();
  private final Refetcher refetcher =
      new Refetcher(
          refetches,
          tasks,
          new SiteFetcher(web.fetching, metrics),
          sink,
          metrics,
          Clock.systemUTC());
  private final AtomicReference<String> text = new AtomicReference<>(FIRST);
  private final Site site;

  RefetcherTest() throws Exception {
    site = Sites.feeds("annahar", web.url("/feed.xml"));
    web.server.on(
        "/a1.html",
        exchange ->
            LocalServer.respond(
                exchange,
                200,
                "text/html; charset=utf-8",
                text.get().getBytes(StandardCharsets.UTF_8)));
    refetches.published(web.url("/a1.html"), FIRST);
  }

  @AfterEach
  void stop() {
    tasks.stop(Duration.ofSeconds(1));
    web.close();
  }

  private double refetchCount(String outcome) {
    return registry
        .get("khabar_ingest_fetches")
        .tags("site", "annahar", "kind", "refetch", "outcome", outcome)
        .counter()
        .count();
  }

  @Test
  void aPublishedPageIsReFetchedOnTheScheduleAndPublishedAgainOnceChanged() throws Exception {
    // A second apart: the first re-fetch (robots.txt first) ends before the second starts.
    Refetches soon = new Refetches(2, Duration.ofSeconds(2));
    Refetcher scheduled =
        new Refetcher(
            soon, tasks, new SiteFetcher(web.fetching, metrics), sink, metrics, Clock.systemUTC());
    text.set(CORRECTED);

    RefetchPlan first = scheduled.firstPlan(site, web.url("/a1.html"), FIRST);
    scheduled.published(
        site,
        new ArticleFetcher.Published(web.url("/a1.html"), FIRST, first),
        new SiteLeases().take(site));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while ((refetches() < 2 || sink.plans.size() < 2) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertEquals(1.0, refetchCount("fetched"));
    assertEquals(1.0, refetchCount("not_modified"));
    assertEquals(List.of(web.url("/a1.html")), sink.urls());
    assertEquals(
        new RefetchPlan(
            web.url("/a1.html"), "annahar", first.firstPublishedAt(), Refetches.hash(FIRST), 0),
        first,
        "the first plan, published with the page");
    assertEquals(
        List.of("1 " + Refetches.hash(CORRECTED), "end"),
        sink.plans.stream()
            .map(p -> p.plan() == null ? "end" : p.plan().made() + " " + p.plan().textHash())
            .toList(),
        "the plan kept after each re-fetch, and its end after the last");
  }

  @Test
  void aTakenOverSitesPlansAreCarriedOnFromWhereTheyStood() throws Exception {
    Refetches soon = new Refetches(2, Duration.ofMillis(400));
    Refetcher taker =
        new Refetcher(
            soon, tasks, new SiteFetcher(web.fetching, metrics), sink, metrics, Clock.systemUTC());
    Instant firstPublished = Instant.now().minusMillis(300);

    taker.resume(
        site,
        new SiteLeases().take(site),
        List.of(
            new RefetchPlan(
                web.url("/a1.html"), "annahar", firstPublished, Refetches.hash(FIRST), 1)));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sink.plans.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertEquals(1.0, refetches(), "only the second re-fetch was left");
    assertEquals(1.0, refetchCount("not_modified"), "compared with the text the plan names");
    assertEquals(List.of(), sink.pages);
    assertEquals(List.of(new RecordingSink.Plan(web.url("/a1.html"), "annahar", null)), sink.plans);
  }

  @Test
  void noReFetchIsMadeOnceTheLeaseEnded() throws Exception {
    Refetches soon = new Refetches(1, Duration.ofMillis(100));
    Refetcher scheduled =
        new Refetcher(
            soon, tasks, new SiteFetcher(web.fetching, metrics), sink, metrics, Clock.systemUTC());
    SiteLeases leases = new SiteLeases();
    SiteLeases.Lease lease = leases.take(site);

    scheduled.published(
        site,
        new ArticleFetcher.Published(
            web.url("/a1.html"), FIRST, scheduled.firstPlan(site, web.url("/a1.html"), FIRST)),
        lease);
    leases.end(lease);
    Thread.sleep(500);

    assertEquals(0.0, refetches());
    assertTrue(soon.textHash(web.url("/a1.html")).isEmpty(), "forgotten after its last");
  }

  private double refetches() {
    return registry.find("khabar_ingest_fetches").tag("kind", "refetch").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  void anUnchangedPageIsNotPublishedAgain() {
    refetcher.refetch(site, web.url("/a1.html"));

    assertEquals(List.of(), sink.pages);
    assertEquals(1.0, refetchCount("not_modified"));
  }

  @Test
  void aCorrectedPageIsPublishedAgainUnderItsUrl() {
    text.set(CORRECTED);

    refetcher.refetch(site, web.url("/a1.html"));

    assertEquals(
        List.of(web.url("/a1.html") + " " + CORRECTED),
        sink.pages.stream().map(p -> p.url() + " " + p.html()).toList());
    assertEquals(1.0, refetchCount("fetched"));
  }

  @Test
  void aFailedRefetchIsCountedByItsOutcome() {
    web.serve("/gone.html", 410, "text/html", "gone");

    refetcher.refetch(site, web.url("/gone.html"));

    assertEquals(List.<RawPage>of(), sink.pages);
    assertEquals(1.0, refetchCount("http_error"));
  }
}
