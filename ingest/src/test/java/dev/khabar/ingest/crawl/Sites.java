package dev.khabar.ingest.crawl;

import dev.khabar.ingest.sources.Site;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Sites for tests: polled every 100 ms to 1 s, articles up to a week old. */
final class Sites {
  private Sites() {}

  static Site feeds(String id, String... feeds) {
    return site(id, List.of(feeds), List.of(), List.of(), Optional.empty(), Set.of());
  }

  static Site sitemaps(String id, String... sitemaps) {
    return site(id, List.of(), List.of(sitemaps), List.of(), Optional.empty(), Set.of());
  }

  static Site section(String id, String section, String articlePattern) {
    return site(
        id,
        List.of(),
        List.of(),
        List.of(section),
        Optional.of(Pattern.compile(articlePattern)),
        Set.of());
  }

  static Site allowing(String id, String feed, Set<String> allowedHosts) {
    return site(id, List.of(feed), List.of(), List.of(), Optional.empty(), allowedHosts);
  }

  private static Site site(
      String id,
      List<String> feeds,
      List<String> sitemaps,
      List<String> sections,
      Optional<Pattern> articlePattern,
      Set<String> allowedHosts) {
    return new Site(
        id,
        feeds,
        sitemaps,
        sections,
        articlePattern,
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        Duration.ZERO,
        Optional.empty(),
        allowedHosts,
        Duration.ofDays(7));
  }
}
