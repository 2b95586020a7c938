package dev.khabar.enrich.stream;

import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Entity;
import dev.khabar.common.contract.RawPage;
import dev.khabar.enrich.clean.ArticleExtractor;
import dev.khabar.enrich.clean.Extraction;
import dev.khabar.enrich.entities.EntityRecognizer;
import java.net.URI;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns one raw page into a clean article: main text and metadata from the extractor, entities from
 * the recognizer, the id from the canonical URL. Thread-safe.
 */
public final class ArticleAssembler {
  private final ArticleExtractor extractor;
  private final EntityRecognizer recognizer;

  public ArticleAssembler(ArticleExtractor extractor, EntityRecognizer recognizer) {
    this.extractor = extractor;
    this.recognizer = recognizer;
  }

  /**
   * @param contentHash {@link #contentHash(String)} of the page's text, already computed to route
   *     it
   * @param duplicateOf the id of an earlier article with the same text, if any
   */
  public Article assemble(
      ExtractedPage page, String contentHash, @Nullable String duplicateOf, Instant now) {
    Extraction extraction = page.extraction();
    String text = extraction.text();
    List<Entity> entities = recognizer.recognize(text, extraction.language());
    return new Article(
        ArticleId.of(page.url()),
        page.url(),
        page.site(),
        extraction.siteName(),
        extraction.title(),
        text,
        extraction.language(),
        extraction.publishedAt(),
        extraction.modifiedAt(),
        extraction.author(),
        entities,
        contentHash,
        duplicateOf,
        page.fetchedAt(),
        now);
  }

  /**
   * Extracts the page's article.
   *
   * @throws NoArticleTextException when the page has no article text
   */
  public ExtractedPage extract(RawPage page) {
    Extraction extraction = extractor.extract(page.html(), page.finalUrl());
    if (extraction.paragraphs().isEmpty()) {
      throw new NoArticleTextException(page.url());
    }
    return new ExtractedPage(page.url(), site(page.url()), page.fetchedAt(), extraction);
  }

  /**
   * The hash that finds one article at two URLs: NFKC, lower case, whitespace folded, so that a
   * re-wrapped or re-spaced copy still matches.
   */
  public static String contentHash(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return ArticleId.contentHash(foldWhitespace(lower));
  }

  /**
   * Each run of whitespace as one space, none at either end: what {@code s.replaceAll("\\s+", "
   * ").trim()} gives (ASCII whitespace; trim also drops other controls), in one pass without a
   * regular expression, which took a twentieth of the time of enriching an English page.
   */
  static String foldWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        space = true;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
    return out.toString().trim();
  }

  static String site(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return "unknown";
    }
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("www.") ? lower.substring(4) : lower;
  }
}
