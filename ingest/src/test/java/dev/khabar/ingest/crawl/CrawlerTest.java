package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pieces together against a loopback site whose feed is polled every 100 ms to 1 s: each
 * article is published once however often the feed lists it.
 */
class CrawlerTest {
  @Test
  void publishesEachArticleOfAFeedOnceAndCountsLinksToOtherHosts() throws Exception {
    try (LoopbackWeb web = new LoopbackWeb()) {
      web.page("/a1.html", "<html><body><p>الأول</p></body></html>");
      web.page("/a2.html", "<html><body><p>الثاني</p></body></html>");
      web.serve(
          "/feed.xml",
          200,
          "application/rss+xml",
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
              + "<item><link>/a1.html</link></item>"
              + "<item><link>/a2.html?utm_source=rss</link></item>"
              + "<item><link>https://elsewhere.example/a3.html</link></item>"
              + "</channel></rss>");
      RecordingSink sink = new RecordingSink();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Crawler crawler =
          new Crawler(
              new Crawler.Plan(
                  List.of(Sites.allowing("alyaum", web.url("/feed.xml"), Set.of("127.0.0.1"))),
                  new Refetches(0, Duration.ZERO),
                  Clock.systemUTC()),
              web.fetching,
              new Crawler.Output(new SeenUrls(), sink, registry));

      crawler.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (web.requests("/feed.xml") < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      crawler.stop(Duration.ofSeconds(3));

      assertEquals(Set.of(web.url("/a1.html"), web.url("/a2.html")), Set.copyOf(sink.urls()));
      assertEquals(2, sink.pages.size());
      assertEquals(1, web.requests("/a1.html"));
      assertEquals(
          web.requests("/feed.xml"),
          registry
              .get("khabar_ingest_fetches")
              .tags("site", "alyaum", "kind", "article", "outcome", "address_blocked")
              .counter()
              .count(),
          "one link to another host per poll");
      assertTrue(
          web.requests("/feed.xml") >= 3, "feed read " + web.requests("/feed.xml") + " times");
    }
  }

  @Test
  void anUnfollowedSiteIsPolledNoMoreAndItsPagesAreNotPublishedAnyMore() throws Exception {
    try (LoopbackWeb web = new LoopbackWeb()) {
      web.page("/a1.html", "<html><body><p>الأول</p></body></html>");
      web.serve(
          "/feed.xml",
          200,
          "application/rss+xml",
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
              + "<item><link>/a1.html</link></item></channel></rss>");
      Site site = Sites.feeds("alyaum", web.url("/feed.xml"));
      RecordingSink sink = new RecordingSink();
      Crawler crawler =
          new Crawler(
              new Crawler.Plan(List.of(site), new Refetches(0, Duration.ZERO), Clock.systemUTC()),
              web.fetching,
              new Crawler.Output(new SeenUrls(), sink, new SimpleMeterRegistry()));

      crawler.follow(site, Duration.ZERO);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (web.requests("/feed.xml") < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, crawler.followed());
      assertTrue(crawler.unfollow(List.of(site), Duration.ofSeconds(3)));
      int polls = web.requests("/feed.xml");
      Thread.sleep(1500); // longer than the site's max_poll

      assertEquals(polls, web.requests("/feed.xml"), "polls after unfollow");
      assertEquals(0, crawler.followed());
      assertFalse(crawler.mayPublish("alyaum"));
      assertEquals(List.of(web.url("/a1.html")), sink.urls());
      crawler.stop(Duration.ofSeconds(1));
    }
  }
}
