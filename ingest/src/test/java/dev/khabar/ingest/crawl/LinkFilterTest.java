package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.ingest.feeds.Discovery;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.urls.UrlCanonicalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Now is 2026-03-10 12:00 UTC; the test sites keep articles up to a week old. */
class LinkFilterTest {
  private static final String FEED = "https://news.example.org/ar/feed.xml";
  private final LinkFilter filter =
      new LinkFilter(
          new UrlCanonicalizer(),
          Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
  private final Site site = Sites.feeds("alarabiya", FEED);

  private static Discovery.Link link(String url) {
    return new Discovery.Link(url, Optional.empty());
  }

  private static Discovery.Link link(String url, String published) {
    return new Discovery.Link(url, Optional.of(Instant.parse(published)));
  }

  @Test
  void aRelativeLinkIsResolvedAgainstItsSourceAndCanonicalized() {
    assertEquals(
        new LinkFilter.Verdict.Article("https://news.example.org/ar/2026/%D8%AE%D8%A8%D8%B1.html"),
        filter.check(site, FEED, link("2026/%D8%AE%D8%A8%D8%B1.html?utm_source=rss#top")));
  }

  @Test
  void aLinkTheCrawlerCannotFetchIsSkipped() {
    assertEquals(
        new LinkFilter.Verdict.Skipped(), filter.check(site, FEED, link("mailto:a@b.org")));
  }

  @Test
  void aLinkDatedBeforeMaxAgeIsSkippedAndOneWithinItKept() {
    assertEquals(
        new LinkFilter.Verdict.Skipped(),
        filter.check(site, FEED, link("/ar/old.html", "2026-03-03T11:59:59Z")));
    assertEquals(
        new LinkFilter.Verdict.Article("https://news.example.org/ar/new.html"),
        filter.check(site, FEED, link("/ar/new.html", "2026-03-03T12:00:01Z")));
  }

  @Test
  void withAllowedHostsALinkElsewhereIsAnotherHostsAndASubdomainIsAllowed() {
    Site strict = Sites.allowing("alarabiya", FEED, Set.of("example.org"));

    assertEquals(
        new LinkFilter.Verdict.OtherHost("tracker.example.net"),
        filter.check(strict, FEED, link("https://tracker.example.net/a.html")));
    assertEquals(
        new LinkFilter.Verdict.Article("https://sport.example.org/a.html"),
        filter.check(strict, FEED, link("https://sport.example.org/a.html")));
  }

  @Test
  void withoutAllowedHostsALinkToAnyHostIsKept() {
    assertEquals(
        new LinkFilter.Verdict.Article("https://cdn.example.net/a.html"),
        filter.check(site, FEED, link("https://cdn.example.net/a.html")));
  }
}
