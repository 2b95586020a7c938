package dev.khabar.common.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A fetched page, as {@code ingest} publishes it to {@link Topics#PAGES_RAW}.
 *
 * @param url the canonical URL of the page (also the record key)
 * @param finalUrl the URL the page was served from, after redirects
 * @param fetchedAt when the response was received
 * @param status the HTTP status code
 * @param contentType the media type, without parameters, e.g. {@code text/html}
 * @param charset the charset the body was decoded with, e.g. {@code windows-1256}
 * @param html the body decoded to a string
 * @param sourceId the configured source (feed, sitemap or section page) that led to the page
 */
public record RawPage(
    String url,
    String finalUrl,
    Instant fetchedAt,
    int status,
    String contentType,
    String charset,
    String html,
    String sourceId) {

  public RawPage {
    requireText(url, "url");
    requireText(finalUrl, "final_url");
    Objects.requireNonNull(fetchedAt, "fetched_at");
    requireText(contentType, "content_type");
    requireText(charset, "charset");
    Objects.requireNonNull(html, "html");
    requireText(sourceId, "source_id");
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ContractException(field + " must not be empty");
    }
  }
}
