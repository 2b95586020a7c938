package dev.khabar.common.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A clean article, as {@code enrich} publishes it to {@link Topics#ARTICLES}.
 *
 * @param id {@link ArticleId#of(String)} of the canonical URL (also the record key)
 * @param url the canonical URL
 * @param site the site's host name without {@code www.}
 * @param siteName the site's own name, when the page gives it
 * @param title the headline, without the site-name suffix
 * @param text the main text, paragraphs separated by a blank line
 * @param language ISO 639-1 code ({@code ar}, {@code en}, {@code fa}, {@code ur} …) or {@code und}
 * @param publishedAt when the article was published, when the page says
 * @param modifiedAt when the article was last modified, when the page says
 * @param author the byline, when the page gives one
 * @param entities people, organisations, places and other names in the text
 * @param contentHash SHA-256 of the normalised text, to find the same article at two URLs
 * @param duplicateOf the id of an earlier article with the same content hash, if any
 * @param fetchedAt when {@code ingest} fetched the page; orders versions of one article
 * @param processedAt when {@code enrich} produced this record
 */
public record Article(
    String id,
    String url,
    String site,
    @Nullable String siteName,
    String title,
    String text,
    String language,
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt,
    @Nullable String author,
    List<Entity> entities,
    String contentHash,
    @Nullable String duplicateOf,
    Instant fetchedAt,
    Instant processedAt) {

  public Article {
    RawPage.requireText(id, "id");
    RawPage.requireText(url, "url");
    RawPage.requireText(site, "site");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    RawPage.requireText(language, "language");
    entities = List.copyOf(entities);
    RawPage.requireText(contentHash, "content_hash");
    Objects.requireNonNull(fetchedAt, "fetched_at");
    Objects.requireNonNull(processedAt, "processed_at");
  }
}
