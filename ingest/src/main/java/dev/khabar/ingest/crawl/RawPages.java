package dev.khabar.ingest.crawl;

import dev.khabar.common.contract.RawPage;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.sources.Site;

/** The record a fetched page is published as. */
final class RawPages {
  private RawPages() {}

  /** The page under its canonical URL, with the site as its source. */
  static RawPage of(Site site, String canonicalUrl, FetchResult.Page page) {
    return new RawPage(
        canonicalUrl,
        page.finalUri().toString(),
        page.fetchedAt(),
        page.status(),
        page.contentType(),
        page.charset().name(),
        page.text(),
        site.id());
  }
}
