package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.ingest.fetch.LocalServer;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sources on a loopback server; every link offered is taken as new unless listed in {@code old}.
 */
class SourcePollerTest {
  private final LoopbackWeb web = new LoopbackWeb();
  private final RecordingSink sink = new RecordingSink();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CrawlMetrics metrics = new CrawlMetrics(registry);
  private final List<String> offered = new CopyOnWriteArrayList<>();
  private final List<String> old = new CopyOnWriteArrayList<>();
  private final SourcePoller poller =
      new SourcePoller(
          new SiteFetcher(web.fetching, metrics),
          sink,
          metrics,
          (site, sourceUrl, link) -> {
            offered.add(link.url());
            return !old.contains(link.url());
          });

  SourcePollerTest() throws Exception {}

  @AfterEach
  void stop() {
    web.close();
  }

  private static String rss(String... links) {
    StringBuilder items = new StringBuilder();
    for (String link : links) {
      items.append("<item><title>خبر</title><link>").append(link).append("</link></item>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>أخبار"
        + "</title>"
        + items
        + "</channel></rss>";
  }

  private double sourceFetches(String site, String outcome) {
    return registry
        .get("khabar_ingest_fetches")
        .tags("site", site, "kind", "source", "outcome", outcome)
        .counter()
        .count();
  }

  @Test
  void offersEveryLinkOfAFeedAndCountsTheNewOnes() throws Exception {
    web.serve("/feed.xml", 200, "application/rss+xml", rss("/a1.html", "/a2.html", "/a3.html"));
    old.add("/a2.html");
    Site site = Sites.feeds("kooora", web.url("/feed.xml"));

    int queued = poller.poll(site.sources().getFirst());

    assertEquals(List.of("/a1.html", "/a2.html", "/a3.html"), offered);
    assertEquals(2, queued);
    assertEquals(1.0, sourceFetches("kooora", "fetched"));
  }

  @Test
  void followsASitemapIndexToTheArticlesOfItsChildren() throws Exception {
    web.serve(
        "/sitemap.xml",
        200,
        "application/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>"
            + web.url("/sitemap-1.xml")
            + "</loc></sitemap></sitemapindex>");
    web.serve(
        "/sitemap-1.xml",
        200,
        "application/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
            + web.url("/ar/eco.html")
            + "</loc></url></urlset>");
    Site site = Sites.sitemaps("alkawthar", web.url("/sitemap.xml"));

    int queued = poller.poll(site.sources().getFirst());

    assertEquals(List.of(web.url("/ar/eco.html")), offered);
    assertEquals(1, queued);
  }

  @Test
  void readsTheArticleLinksOfASectionPage() throws Exception {
    web.page(
        "/ar/economy/",
        "<html><body><a href=\"/ar/economy/2026/1.html\">١</a><a href=\"/about.html\">عن</a>"
            + "</body></html>");
    Site site = Sites.section("hespress", web.url("/ar/economy/"), ".*/ar/economy/\\d{4}/.*");

    poller.poll(site.sources().getFirst());

    assertEquals(List.of(web.url("/ar/economy/2026/1.html")), offered);
  }

  @Test
  void asksAgainWithTheValidatorsOfTheLastReadAndOffersNothingWhenUnchanged() throws Exception {
    web.server.on(
        "/feed.xml",
        exchange -> {
          if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            LocalServer.respond(exchange, 304, null, new byte[0]);
            return;
          }
          exchange.getResponseHeaders().set("ETag", "\"v1\"");
          LocalServer.respond(
              exchange,
              200,
              "application/rss+xml",
              rss("/a1.html").getBytes(StandardCharsets.UTF_8));
        });
    Site site = Sites.feeds("masrawy", web.url("/feed.xml"));

    assertEquals(1, poller.poll(site.sources().getFirst()));
    assertEquals(0, poller.poll(site.sources().getFirst()));

    assertEquals(List.of("/a1.html"), offered);
    assertEquals(1.0, sourceFetches("masrawy", "not_modified"));
  }

  @Test
  void aFailingSourceIsDeadLetteredOnceAndCountedOnEveryPoll() throws Exception {
    web.serve("/gone.xml", 404, "text/plain", "gone");
    Site site = Sites.feeds("almasryalyoum", web.url("/gone.xml"));

    poller.poll(site.sources().getFirst());
    poller.poll(site.sources().getFirst());

    assertEquals(2, web.requests("/gone.xml"));
    assertEquals(2.0, sourceFetches("almasryalyoum", "http_error"));
    assertEquals(
        List.of(web.url("/gone.xml") + " almasryalyoum http_error"),
        sink.deadLetters.stream()
            .map(d -> d.url() + " " + d.sourceId() + " " + d.outcome())
            .toList());
  }

  @Test
  void aMalformedSourceIsDeadLetteredOnceUntilItReadsAgain() throws Exception {
    AtomicReference<String> feed = new AtomicReference<>("<rss><channel><item><link>");
    web.server.on(
        "/feed.xml",
        exchange ->
            LocalServer.respond(
                exchange, 200, "application/rss+xml", feed.get().getBytes(StandardCharsets.UTF_8)));
    Site site = Sites.feeds("shorouk", web.url("/feed.xml"));

    poller.poll(site.sources().getFirst());
    poller.poll(site.sources().getFirst());
    feed.set(rss("/a1.html"));
    poller.poll(site.sources().getFirst());
    feed.set("<rss><channel><item><link>");
    poller.poll(site.sources().getFirst());

    assertEquals(
        List.of("malformed_source", "malformed_source"),
        sink.deadLetters.stream().map(RecordingSink.DeadLetter::outcome).toList());
    assertEquals(3.0, sourceFetches("shorouk", "failed"));
  }
}
