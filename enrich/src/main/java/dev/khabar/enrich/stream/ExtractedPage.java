package dev.khabar.enrich.stream;

import dev.khabar.enrich.clean.Extraction;
import java.time.Instant;

/**
 * A page after extraction, before per-site learning and entity recognition: what travels through
 * the topology's internal topics (the HTML stays behind).
 *
 * @param url the canonical URL
 * @param site the host without {@code www.}
 * @param fetchedAt when the page was fetched
 * @param extraction the extractor's result
 */
public record ExtractedPage(String url, String site, Instant fetchedAt, Extraction extraction) {

  ExtractedPage withExtraction(Extraction replaced) {
    return new ExtractedPage(url, site, fetchedAt, replaced);
  }
}
