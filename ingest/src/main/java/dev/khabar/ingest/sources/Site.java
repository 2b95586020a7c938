package dev.khabar.ingest.sources;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A news site and how to follow it.
 *
 * @param id a short stable name, used in metrics and as the pages' source id
 * @param feeds RSS, Atom or RDF feed URLs
 * @param sitemaps sitemap, news sitemap or sitemap index URLs
 * @param sections section pages for sites without a feed, read with {@code articlePattern}
 * @param articlePattern which links on a section page are articles
 * @param minPoll the shortest interval between two polls of one source (when it keeps yielding)
 * @param maxPoll the longest interval (when it yields nothing new)
 * @param delay the minimum delay between two requests to one host of this site
 * @param userAgent a User-Agent for this site only, if it needs one
 * @param allowedHosts hosts article links may point to; empty means the sources' own hosts
 * @param maxAge items the source dates older than this are skipped
 */
public record Site(
    String id,
    List<String> feeds,
    List<String> sitemaps,
    List<String> sections,
    Optional<Pattern> articlePattern,
    Duration minPoll,
    Duration maxPoll,
    Duration delay,
    Optional<String> userAgent,
    Set<String> allowedHosts,
    Duration maxAge) {

  public Site {
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("site id must be letters, digits, '.', '_' or '-': " + id);
    }
    feeds = List.copyOf(feeds);
    sitemaps = List.copyOf(sitemaps);
    sections = List.copyOf(sections);
    allowedHosts = Set.copyOf(allowedHosts);
    if (feeds.isEmpty() && sitemaps.isEmpty() && sections.isEmpty()) {
      throw new IllegalArgumentException("site " + id + " has no feed, sitemap or section page");
    }
    if (!sections.isEmpty() && articlePattern.isEmpty()) {
      throw new IllegalArgumentException(
          "site " + id + " has section pages but no article_pattern");
    }
    if (minPoll.compareTo(maxPoll) > 0) {
      throw new IllegalArgumentException("site " + id + ": min_poll is longer than max_poll");
    }
  }

  /** Every source of the site with its kind. */
  public List<Source> sources() {
    List<Source> sources = new java.util.ArrayList<>();
    feeds.forEach(url -> sources.add(new Source(this, Source.Kind.FEED, url)));
    sitemaps.forEach(url -> sources.add(new Source(this, Source.Kind.SITEMAP, url)));
    sections.forEach(url -> sources.add(new Source(this, Source.Kind.SECTION, url)));
    return List.copyOf(sources);
  }
}
