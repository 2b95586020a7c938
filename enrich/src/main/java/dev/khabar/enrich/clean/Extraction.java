package dev.khabar.enrich.clean;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ArticleExtractor} found on a page.
 *
 * @param title the headline, without the site-name suffix; empty when the page has none
 * @param paragraphs the article's paragraphs, subheadings and list items, in order, without the
 *     headline, captions, bylines and boilerplate
 * @param publishedAt when the article was published, when the page says
 * @param modifiedAt when it was last modified, when the page says
 * @param author the byline, without «By» or «بقلم»
 * @param siteName the site's own name, when the page gives it
 * @param language ISO 639-1 code of the text's language, or {@code und}
 */
public record Extraction(
    String title,
    List<String> paragraphs,
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt,
    @Nullable String author,
    @Nullable String siteName,
    String language) {

  public Extraction {
    Objects.requireNonNull(title, "title");
    paragraphs = List.copyOf(paragraphs);
    Objects.requireNonNull(language, "language");
  }

  /** The paragraphs joined by a blank line, as {@code Article.text} carries them. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
