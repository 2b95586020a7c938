package dev.khabar.ingest.sources;

/** One feed, sitemap or section page of a site. */
public record Source(Site site, Kind kind, String url) {
  /** How a source lists its articles. */
  public enum Kind {
    FEED,
    SITEMAP,
    SECTION
  }
}
