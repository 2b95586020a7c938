package dev.khabar.ingest.crawl;

import dev.khabar.ingest.feeds.Discovery;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.urls.UrlCanonicalizer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Which links a source lists are articles worth fetching: resolved against the source and
 * canonicalized, not older than the site's max_age when the source dates them, and on one of the
 * site's allowed hosts (or a subdomain of one), when it names any. Thread-safe.
 */
final class LinkFilter {
  /** What became of one link. */
  sealed interface Verdict {
    /** An article to fetch, by its canonical URL. */
    record Article(String url) implements Verdict {}

    /** Not a URL the crawler can fetch, or older than max_age. */
    record Skipped() implements Verdict {}

    /** On a host the site does not allow. */
    record OtherHost(String host) implements Verdict {}
  }

  private final UrlCanonicalizer urls;
  private final Clock clock;

  LinkFilter(UrlCanonicalizer urls, Clock clock) {
    this.urls = urls;
    this.clock = clock;
  }

  Verdict check(Site site, String sourceUrl, Discovery.Link link) {
    Optional<String> canonical = urls.resolve(sourceUrl, link.url());
    if (canonical.isEmpty()) {
      return new Verdict.Skipped();
    }
    Instant oldest = clock.instant().minus(site.maxAge());
    if (link.published().isPresent() && link.published().get().isBefore(oldest)) {
      return new Verdict.Skipped();
    }
    String host = URI.create(canonical.get()).getHost();
    if (!isAllowedHost(site, host)) {
      return new Verdict.OtherHost(host);
    }
    return new Verdict.Article(canonical.get());
  }

  private static boolean isAllowedHost(Site site, String host) {
    if (site.allowedHosts().isEmpty()) {
      return true;
    }
    return site.allowedHosts().stream()
        .anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
  }
}
