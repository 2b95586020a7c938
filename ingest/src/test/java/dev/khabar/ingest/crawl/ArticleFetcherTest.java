package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.RawPage;
import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Articles on a loopback server; each test claims its link first, as the crawl does. */
class ArticleFetcherTest {
  private static final String ARTICLE =
      "<html><head><title>الأول</title></head><body><p>منظمة التعاون الاقتصادي</p></body></html>";

  private final LoopbackWeb web = new LoopbackWeb();
  private final RecordingSink sink = new RecordingSink();
  private final SeenUrls seen = new SeenUrls();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CrawlMetrics metrics = new CrawlMetrics(registry);
  private final CrawlTasks tasks = new CrawlTasks();
  private final ArticleFetcher articles =
      new ArticleFetcher(
          new SiteFetcher(web.fetching, metrics),
          seen,
          sink,
          metrics,
          new Refetcher(
              new Refetches(0, Duration.ZERO),
              tasks,
              new SiteFetcher(web.fetching, metrics),
              sink,
              metrics,
              Clock.systemUTC()));
  private final Site site;

  ArticleFetcherTest() throws Exception {
    site = Sites.feeds("youm7", web.url("/feed.xml"));
  }

  @AfterEach
  void stop() {
    tasks.stop(Duration.ofSeconds(1));
    web.close();
  }

  private Optional<ArticleFetcher.Published> claimAndFetch(String path) {
    assertTrue(seen.claim(web.url(path)));
    return articles.fetch(site, web.url(path));
  }

  private double articleFetches(String outcome) {
    return registry
        .get("khabar_ingest_fetches")
        .tags("site", "youm7", "kind", "article", "outcome", outcome)
        .counter()
        .count();
  }

  @Test
  void publishesThePageWithItsSite() {
    web.page("/a1.html", ARTICLE);

    Optional<ArticleFetcher.Published> published = claimAndFetch("/a1.html");

    assertEquals(
        Optional.of(new ArticleFetcher.Published(web.url("/a1.html"), ARTICLE, null)), published);
    RawPage page = sink.pages.getFirst();
    assertEquals(List.of(web.url("/a1.html")), sink.urls());
    assertEquals("youm7", page.sourceId());
    assertEquals(ARTICLE, page.html());
    assertEquals(1.0, articleFetches("fetched"));
  }

  @Test
  void publishesUnderTheDeclaredCanonicalUrlAndRemembersTheLinkAsItsAlias() {
    web.page(
        "/amp/a2.html",
        "<html><head><link rel=\"canonical\" href=\"" + web.url("/a2.html") + "\"></head></html>");

    claimAndFetch("/amp/a2.html");

    assertEquals(List.of(web.url("/a2.html")), sink.urls());
    assertFalse(seen.claim(web.url("/a2.html")));
    assertFalse(seen.claim(web.url("/amp/a2.html")));
  }

  @Test
  void aLinkToAnArticleAnotherLinkAlreadyBroughtPublishesNothing() {
    web.page(
        "/print/a2.html",
        "<html><head><link rel=\"canonical\" href=\"" + web.url("/a2.html") + "\"></head></html>");
    assertTrue(seen.claim(web.url("/a2.html")));

    Optional<ArticleFetcher.Published> published = claimAndFetch("/print/a2.html");

    assertEquals(Optional.empty(), published);
    assertEquals(List.of(), sink.pages);
    assertFalse(seen.claim(web.url("/print/a2.html")));
  }

  @Test
  void aServerErrorReleasesTheLinkForALaterPollWithoutADeadLetter() {
    web.serve("/busy.html", 503, "text/html", "busy");

    claimAndFetch("/busy.html");

    assertEquals(List.of(), sink.deadLetters);
    assertEquals(1.0, articleFetches("http_error"));
    assertTrue(seen.claim(web.url("/busy.html")));
  }

  @Test
  void aMissingPageIsDeadLetteredAndStaysClaimed() {
    web.serve("/missing.html", 404, "text/html", "missing");

    claimAndFetch("/missing.html");

    assertEquals(
        List.of(
            new RecordingSink.DeadLetter(
                web.url("/missing.html"), "youm7", "http_error", "HTTP 404")),
        sink.deadLetters);
    assertFalse(seen.claim(web.url("/missing.html")));
  }

  @Test
  void aPageRobotsTxtDisallowsIsNeitherFetchedNorKeptClaimed() {
    web.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /blocked/\n");
    web.page("/blocked/secret.html", ARTICLE);

    claimAndFetch("/blocked/secret.html");

    assertEquals(0, web.requests("/blocked/secret.html"));
    assertEquals(1.0, articleFetches("robots_blocked"));
    assertEquals(List.of(), sink.pages);
    assertTrue(seen.claim(web.url("/blocked/secret.html")));
  }
}
