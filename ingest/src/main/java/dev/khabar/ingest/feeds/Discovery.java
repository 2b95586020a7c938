package dev.khabar.ingest.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one read of a source found: article links, and further sitemaps to read (from a sitemap
 * index).
 */
public record Discovery(List<Link> articles, List<String> sitemaps) {
  public Discovery {
    articles = List.copyOf(articles);
    sitemaps = List.copyOf(sitemaps);
  }

  /** An article link as the source gave it, with its publication time when the source said. */
  public record Link(String url, Optional<Instant> published) {}
}
