package dev.khabar.enrich.clean;

import dev.khabar.enrich.language.LanguageIdentifier;
import dev.khabar.enrich.meta.MetadataExtractor;
import dev.khabar.enrich.meta.PageMetadata;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Extracts the article from a news page: headline, paragraphs, dates, author, site name and
 * language. The text comes from DOM analysis (see {@link ContentLocator}) after boilerplate removal
 * (see {@link DomPruner}); when the page's JSON-LD carries an {@code articleBody} far longer than
 * what the DOM yields (a page rendered by script), that body is used instead.
 *
 * <p>Work is bounded: the HTML is cut at {@link Builder#maxHtmlChars}, the tree at {@link
 * Builder#maxDepth} levels, and analysis stops after {@link Builder#maxBlocks} blocks.
 *
 * <p>Thread-safe: an instance holds only its limits; each call parses its own document.
 *
 * <pre>{@code
 * Extraction e = ArticleExtractor.withDefaults().extract(html, "https://example.com/a/1");
 * }</pre>
 */
public final class ArticleExtractor {
  /**
   * Article text the language is told from: a paragraph or two of clean text settles it, and the
   * model's time grows with its input.
   */
  private static final int LANGUAGE_SAMPLE_CHARS = 400;

  private final int maxHtmlChars;
  private final int maxDepth;
  private final int maxBlocks;
  private final int maxTextChars;
  private final MetadataExtractor metadata = MetadataExtractor.withDefaults();
  private final LanguageIdentifier languages = LanguageIdentifier.withDefaults();

  private ArticleExtractor(Builder b) {
    this.maxHtmlChars = b.maxHtmlChars;
    this.maxDepth = b.maxDepth;
    this.maxBlocks = b.maxBlocks;
    this.maxTextChars = b.maxTextChars;
  }

  public static ArticleExtractor withDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Extracts the article of one page.
   *
   * @param html the page as served
   * @param url the page's URL, for resolving links and reading a date from the path
   */
  public Extraction extract(String html, String url) {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(url, "url");
    String input = html.length() > maxHtmlChars ? html.substring(0, maxHtmlChars) : html;
    Document doc = parse(input, url);
    PageMetadata meta = metadata.extract(doc, url);
    Element body = doc.body();
    PageSurvey survey = PageSurvey.of(body);
    String title = TitleFinder.find(survey.headlines(), meta);

    DomPruner.prune(body, survey, true);
    BlockFilter filter = new BlockFilter(title);
    List<String> paragraphs = paragraphs(body, title, filter, survey.articles());
    if (paragraphs.isEmpty()) {
      // Class and id names misled the pruning (a forum post named «...CommentText», an article
      // body in a «widget») and nothing is left: once more, on the page's structure alone.
      Element again = parse(input, url).body();
      DomPruner.prune(again, false);
      filter = new BlockFilter(title);
      paragraphs = paragraphs(again, title, filter, Integer.MAX_VALUE);
    }
    paragraphs = preferJsonLdBody(paragraphs, meta.articleBody(), title);

    String author =
        meta.author() != null ? meta.author() : MetadataExtractor.cleanByline(filter.byline());
    return new Extraction(
        title,
        paragraphs,
        meta.publishedAt(),
        meta.modifiedAt(),
        author,
        meta.siteName(),
        language(title, paragraphs, meta.declaredLanguage()));
  }

  private Document parse(String html, String url) {
    return Jsoup.parse(html, url, Parser.htmlParser().setMaxDepth(maxDepth));
  }

  /**
   * The article's paragraphs in the pruned body, which holds at most {@code articlesAtMost} {@code
   * <article>}s.
   */
  private List<String> paragraphs(
      Element body, String title, BlockFilter filter, int articlesAtMost) {
    List<TextBlock> blocks = BlockSegmenter.segment(body, maxBlocks, maxTextChars);
    List<Element> roots =
        ContentLocator.locate(body, blocks, HeadlineArticle.find(body, title, articlesAtMost));
    return filter.keep(blocks, roots);
  }

  /**
   * The JSON-LD body, split into paragraphs, when it is more than twice as long as the DOM text:
   * the page renders its article by script, or the DOM analysis missed it.
   */
  private static List<String> preferJsonLdBody(
      List<String> paragraphs, @Nullable String articleBody, String title) {
    if (articleBody == null) {
      return paragraphs;
    }
    int domChars = paragraphs.stream().mapToInt(String::length).sum();
    // The body as given is an upper bound of its text: most pages end here.
    if (articleBody.length() <= 2 * domChars || articleBody.length() < 200) {
      return paragraphs;
    }
    // Some sites put HTML in articleBody, some escape it once more («&lt;p&gt;»); its paragraphs
    // are then elements, not lines.
    if (articleBody.contains("&lt;")) {
      articleBody = Parser.unescapeEntities(articleBody, false);
    }
    List<String> lines =
        articleBody.contains("<p")
            ? Jsoup.parseBodyFragment(articleBody).select("p, li, h2, h3, h4").eachText()
            : Arrays.asList(articleBody.split("\\s*\\n\\s*"));
    String foldedTitle = Boilerplate.fold(title);
    List<String> body =
        lines.stream()
            .map(BlockSegmenter::collapse)
            .filter(p -> !p.isEmpty() && !Boilerplate.fold(p).equals(foldedTitle))
            .toList();
    // Markup counts for nothing: the body's text must be the longer one.
    int bodyChars = body.stream().mapToInt(String::length).sum();
    return bodyChars <= 2 * domChars || bodyChars < 200 ? paragraphs : body;
  }

  private String language(String title, List<String> paragraphs, @Nullable String declared) {
    StringBuilder sample = new StringBuilder();
    for (String p : paragraphs) {
      if (sample.length() > LANGUAGE_SAMPLE_CHARS) {
        break;
      }
      sample.append(p).append('\n');
    }
    if (sample.length() < 200) {
      sample.append(title);
    }
    if (sample.length() > LANGUAGE_SAMPLE_CHARS) {
      sample.setLength(LANGUAGE_SAMPLE_CHARS);
    }
    String language = languages.identify(sample.toString());
    if (language.equals(LanguageIdentifier.UNDETERMINED) && declared != null) {
      // Too little text to tell: the page's own declaration («ar-SA») is the best evidence left.
      String code = declared.toLowerCase(Locale.ROOT).split("[-_]")[0];
      if (code.length() == 2) {
        return code;
      }
    }
    return language;
  }

  /** Limits of an {@link ArticleExtractor}; the defaults suit news pages up to a few megabytes. */
  public static final class Builder {
    private int maxHtmlChars = 6_000_000;
    private int maxDepth = 256;
    private int maxBlocks = 20_000;
    private int maxTextChars = 1_000_000;

    private Builder() {}

    /** HTML past this many characters is ignored (default 6,000,000). */
    public Builder maxHtmlChars(int value) {
      this.maxHtmlChars = positive(value, "maxHtmlChars");
      return this;
    }

    /** Elements nested deeper than this are flattened by the parser (default 256). */
    public Builder maxDepth(int value) {
      this.maxDepth = positive(value, "maxDepth");
      return this;
    }

    /** Text blocks past this many are not analysed (default 20,000). */
    public Builder maxBlocks(int value) {
      this.maxBlocks = positive(value, "maxBlocks");
      return this;
    }

    /** Text past this many characters is not analysed (default 1,000,000). */
    public Builder maxTextChars(int value) {
      this.maxTextChars = positive(value, "maxTextChars");
      return this;
    }

    public ArticleExtractor build() {
      return new ArticleExtractor(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
