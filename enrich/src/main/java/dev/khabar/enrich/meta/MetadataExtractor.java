package dev.khabar.enrich.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link PageMetadata} from a parsed page. Call it before anything strips the page: the
 * metadata lives in the head, in bylines and in date lines that boilerplate removal drops.
 * Stateless and thread-safe.
 */
public final class MetadataExtractor {
  private static final List<String> PUBLISHED_META =
      List.of(
          "meta[property=article:published_time]",
          "meta[property=og:published_time]",
          "meta[property=og:article:published_time]",
          "meta[itemprop=datePublished]",
          "meta[name=parsely-pub-date]",
          "meta[name=sailthru.date]",
          "meta[name=article.published]",
          "meta[name=published-date]",
          "meta[name=publish-date]",
          "meta[name=publishdate]",
          "meta[name=pubdate]",
          "meta[name=date]",
          "meta[name=dc.date.issued]",
          "meta[name=dc.date]",
          "meta[name=dcterms.created]",
          "meta[name=dcterms.date]",
          "meta[name=citation_publication_date]",
          "meta[property=rnews:datePublished]");

  private static final List<String> MODIFIED_META =
      List.of(
          "meta[property=article:modified_time]",
          "meta[property=og:updated_time]",
          "meta[itemprop=dateModified]",
          "meta[name=last-modified]",
          "meta[name=dcterms.modified]",
          "meta[http-equiv=last-modified]");

  private static final List<String> AUTHOR_META =
      List.of(
          "meta[name=author]",
          "meta[property=article:author]",
          "meta[name=parsely-author]",
          "meta[name=sailthru.author]",
          "meta[name=dc.creator]",
          "meta[name=byl]");

  /** Elements whose text is a byline. */
  private static final String BYLINE_SELECTOR =
      "[itemprop=author], [rel=author], .byline, .by-line, .author, .author-name, .post-author,"
          + " .article-author, .writer, [class*=byline]";

  /** Elements whose text is a date line, for pages that give the date nowhere else. */
  private static final String DATELINE_SELECTOR =
      "[class*=date], [class*=time], [class*=publish], [id*=date], [class*=meta], [class*=info]";

  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|-|_|\\.|$)");

  private static final int MAX_AUTHOR_CHARS = 100;

  /** Elements after the headline searched for a date line, in document order. */
  private static final int MAX_LINES_BELOW_HEADLINE = 40;

  /** Longer than this, a line below the headline is the article's text, not its date line. */
  private static final int MAX_LINE_BELOW_HEADLINE_CHARS = 80;

  private static final Evaluator BYLINE = QueryParser.parse(BYLINE_SELECTOR);

  private static final Evaluator DATELINE = QueryParser.parse(DATELINE_SELECTOR);

  // What an element must carry to match the selectors above: most elements do not, and are passed
  // over without the selectors' many class and substring matches.

  private static final Predicate<Element> MAY_BE_BYLINE =
      AttributeScreen.builder()
          .key("itemprop")
          .key("rel")
          .words("class", "byline", "by-line", "author", "writer")
          .build();

  private static final Predicate<Element> MAY_BE_DATELINE =
      AttributeScreen.builder()
          .words("class", "date", "time", "publish", "meta", "info")
          .words("id", "date")
          .build();

  private static final Predicate<Element> HAS_ITEMPROP =
      AttributeScreen.builder().key("itemprop").build();

  private static final Predicate<Element> IS_TIME =
      el -> el.normalName().equals("time") || el.tagName().equalsIgnoreCase("time");

  private static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");

  /**
   * Elements that carry the publication time, most explicit first, each with what it must carry.
   */
  private static final List<Map.Entry<Evaluator, Predicate<Element>>> TIME_ELEMENTS =
      List.of(
          Map.entry(QueryParser.parse("[itemprop=datePublished]"), HAS_ITEMPROP),
          Map.entry(QueryParser.parse("time[pubdate]"), IS_TIME),
          Map.entry(QueryParser.parse("time[datetime]"), IS_TIME));

  /** The selectors above, parsed once. */
  private static final Map<String, Evaluator> EVALUATORS = new ConcurrentHashMap<>();

  private MetadataExtractor() {}

  public static MetadataExtractor withDefaults() {
    return new MetadataExtractor();
  }

  public PageMetadata extract(Document doc, String url) {
    PageElements page = PageElements.of(doc);
    JsonLd ld = JsonLd.of(page.scripts());
    MetaElements metas = MetaElements.of(page.metas());
    Instant published = firstDate(ld.datePublished(), metas, PUBLISHED_META);
    if (published == null) {
      published = DateParser.parse(ld.text("dateCreated"));
    }
    if (published == null) {
      published = timeElement(page);
    }
    String language = declaredLanguage(doc, metas);
    if (published == null) {
      published = writtenDate(page, language, doc.title());
    }
    if (published == null) {
      // Last: a URL gives the day only, at midnight UTC, where the page's own words give the time.
      published = urlDate(url);
    }
    Instant modified = firstDate(ld.text("dateModified"), metas, MODIFIED_META);
    return new PageMetadata(
        published,
        modified,
        author(ld, page, metas),
        siteName(ld, metas),
        firstNonBlank(
            content(metas, "meta[property=og:title]"),
            ld.text("headline"),
            content(metas, "meta[name=twitter:title]")),
        doc.title().isBlank() ? null : doc.title().strip(),
        language,
        ld.text("articleBody"));
  }

  /** The date in a URL such as {@code /2024/07/21/} or {@code /20240721/}, at midnight UTC. */
  static @Nullable Instant urlDate(String url) {
    Matcher m = URL_DATE.matcher(url);
    return m.find() ? DateParser.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3)) : null;
  }

  /** Removes «By», «بقلم:», «كتب:» and the like from a byline; null when nothing is left. */
  public static @Nullable String cleanByline(@Nullable String byline) {
    if (byline == null) {
      return null;
    }
    String name =
        byline
            .replaceAll("\\s+", " ")
            .strip()
            .replaceFirst(
                "^(?i)(by|written by|posted by|von|par|بقلم|كتب|كتبت|كتبه|تقرير|إعداد|اعداد|تحرير|المحرر"
                    + "|نویسنده|نوشته|تحریر|رپورٹ)\\s*[:：\\-–]?\\s*",
                "")
            .replaceFirst("^[:：\\-–|]\\s*", "")
            .strip();
    if (name.isEmpty() || name.length() > MAX_AUTHOR_CHARS || name.startsWith("http")) {
      return null;
    }
    return name;
  }

  private static @Nullable Instant firstDate(
      @Nullable String first, MetaElements metas, List<String> selectors) {
    Instant date = DateParser.parse(first);
    for (int i = 0; date == null && i < selectors.size(); i++) {
      date = DateParser.parse(content(metas, selectors.get(i)));
    }
    return date;
  }

  private static @Nullable Instant timeElement(PageElements page) {
    for (Map.Entry<Evaluator, Predicate<Element>> selector : TIME_ELEMENTS) {
      // Lazy: the search stops at the first element with a date.
      for (Element el : page.matching(selector.getKey(), selector.getValue())) {
        Instant date =
            DateParser.parse(
                el.hasAttr("datetime")
                    ? el.attr("datetime")
                    : el.hasAttr("content") ? el.attr("content") : el.text());
        if (date != null) {
          return date;
        }
      }
    }
    return null;
  }

  /**
   * A date written in the page: in a date line (an element whose class or id names a date, a time
   * or the post's details), else in a short line below the headline. Numbers whose order of day and
   * month is not plain («04/05/2024») are read in the order the page's other dates show, else the
   * one its language implies.
   */
  private static @Nullable Instant writtenDate(
      PageElements page, @Nullable String language, String title) {
    List<String> lines = new ArrayList<>();
    int seen = 0;
    for (Element el : page.matchingInBody(DATELINE, MAY_BE_DATELINE)) {
      if (++seen > 50) {
        break;
      }
      if (inPageChrome(el)) {
        continue; // «الأربعاء ١١ ديسمبر ٢٠٢٤» in a masthead is today's date, not the article's.
      }
      String text = el.text();
      // A date line is short; a long text with a date in it is an article mentioning a date.
      if (text.length() <= 120) {
        lines.add(text);
      }
    }
    int datelines = lines.size();
    for (Element el : page.belowHeadline(MAX_LINES_BELOW_HEADLINE)) {
      String text = el.ownText();
      if (!text.isBlank() && text.length() <= MAX_LINE_BELOW_HEADLINE_CHARS && !inPageChrome(el)) {
        lines.add(text);
      }
    }
    NumericDates.Order order = NumericDates.orderOf(String.join("\n", lines));
    if (order == NumericDates.Order.UNKNOWN) {
      order = NumericDates.Order.ofLanguage(language);
    }
    boolean persian = isPersian(language, title);
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      Instant date = TextualDates.find(text);
      if (date == null && i < datelines) {
        date = DateParser.parse(text.length() <= 40 ? text : null);
        if (date == null) {
          date = DateParser.findIso(text);
        }
      }
      if (date == null) {
        date = NumericDates.find(text, order, persian);
      }
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  /**
   * Whether the page is in Persian: by its declared language, else by its title's letters (Persian
   * yeh, and none of the letters only Urdu has).
   */
  static boolean isPersian(@Nullable String language, String title) {
    if (language != null && !language.isBlank()) {
      return language.strip().toLowerCase(Locale.ROOT).startsWith("fa");
    }
    boolean persianYeh = false;
    for (int i = 0; i < title.length(); i++) {
      switch (title.charAt(i)) {
        case '\u06CC' -> persianYeh = true; // ی
        case '\u06D2', '\u0679', '\u0688', '\u0691', '\u06BA' -> { // ے ٹ ڈ ڑ ں
          return false;
        }
        default -> {}
      }
    }
    return persianYeh;
  }

  /**
   * Whether the element is in the page's masthead, menu, sidebar or footer, outside any article.
   */
  private static boolean inPageChrome(Element el) {
    boolean chrome = false;
    for (Element up = el; up != null; up = up.parent()) {
      switch (up.normalName()) {
        case "article":
          return false;
        case "header", "nav", "footer", "aside":
          chrome = true;
          break;
        default:
          break;
      }
    }
    return chrome;
  }

  private static @Nullable String author(JsonLd ld, PageElements page, MetaElements metas) {
    String author = cleanByline(ld.author());
    for (int i = 0; author == null && i < AUTHOR_META.size(); i++) {
      author = cleanByline(content(metas, AUTHOR_META.get(i)));
    }
    if (author == null) {
      for (Element el : page.matching(BYLINE, MAY_BE_BYLINE)) {
        Element name = el.selectFirst(ITEMPROP_NAME);
        author = cleanByline((name != null ? name : el).text());
        if (author != null) {
          break;
        }
      }
    }
    return author;
  }

  private static @Nullable String siteName(JsonLd ld, MetaElements metas) {
    return firstNonBlank(
        content(metas, "meta[property=og:site_name]"),
        ld.publisherName(),
        content(metas, "meta[name=application-name]"),
        content(metas, "meta[name=apple-mobile-web-app-title]"));
  }

  private static @Nullable String declaredLanguage(Document doc, MetaElements metas) {
    Element html = doc.firstElementChild();
    String lang = html == null ? "" : html.attr("lang");
    if (lang.isBlank()) {
      lang = content(metas, "meta[http-equiv=content-language]");
    }
    return lang == null || lang.isBlank() ? null : lang.strip();
  }

  /**
   * The content of the first meta element the selector matches, the head's before the body's. The
   * page's meta elements are gathered once: a selector run over the whole document for each of the
   * few dozen names above would walk a large page that many times.
   */
  private static @Nullable String content(MetaElements metas, String selector) {
    Evaluator evaluator = EVALUATORS.computeIfAbsent(selector, QueryParser::parse);
    for (Element el : metas.candidates(selector)) {
      if (el.is(evaluator)) {
        String value = el.attr("content");
        return value.isBlank() ? null : value.strip();
      }
    }
    return null;
  }

  private static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
