package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The vocabulary of class and id names: which parts and compounds name boilerplate, page chrome,
 * comments or the article itself, and the verdict a class-and-id combination earns from them. Read
 * verdicts are kept in bounded memos shared by all threads ({@link Memo} is thread-safe); the
 * vocabulary itself is immutable.
 */
final class ClassNames {
  /** Parts of class and id names (split at - and _) that always name boilerplate. */
  private static final Set<String> BOILERPLATE_PARTS =
      Set.of(
          "share",
          "shares",
          "sharing",
          "sharebar",
          "sharethis",
          "addthis",
          "social",
          "socials",
          "related",
          "cookie",
          "cookies",
          "consent",
          "gdpr",
          "newsletter",
          "subscribe",
          "subscription",
          "promo",
          "promotion",
          "sponsor",
          "sponsored",
          "advert",
          "advertisement",
          "ad",
          "ads",
          "adv",
          "dfp",
          "breadcrumb",
          "breadcrumbs",
          "pagination",
          "pager",
          "popup",
          "modal",
          "popular",
          "trending",
          "recommended",
          "recommendations",
          "outbrain",
          "taboola",
          "signup",
          "login",
          "sr",
          "visually",
          "offscreen",
          "disclaimer",
          "disclosure",
          "ratings",
          // a donation appeal set in the article («article-donation-CTA»), a short breadcrumb trail
          // («entry-crumbs»)
          "donation",
          "donate",
          "crumb",
          "crumbs",
          // a box that sends the reader on to other stories or products («recirculation-box»,
          // a shop's «block-upsell»)
          "recirculation",
          "upsell",
          // a notice set before or after the text (an opinion disclaimer, a community post)
          "notice");

  /**
   * Parts that name page structure around an article: a sidebar, a menu, a footer. They name
   * layouts too («has-sidebar», «sidebar-layout»), so an element they name is kept when it holds
   * much of the page's text.
   */
  private static final Set<String> CHROME_PARTS =
      Set.of(
          "sidebar",
          "widget",
          "widgets",
          "banner",
          "overlay",
          "tags",
          "tag",
          "taglist",
          "keywords",
          "nav",
          "navbar",
          "navigation",
          "menu",
          "footer",
          "masthead",
          "ticker",
          "breaking",
          "caption",
          "credit",
          "credits",
          "byline",
          "dateline",
          "meta",
          "rating",
          "toolbar",
          "skip",
          "author",
          "authors",
          "copyright",
          "figcaption",
          "postmeta",
          "postmetadata",
          "metadata",
          // a press contact or «questions and suggestions» box under the text, a picture's legend
          "contact",
          "legend",
          // Spanish and Portuguese name a caption or a footnote «pie» («pie-foto», «nota_pie»)
          "pie");

  private static final Set<String> COMMENT_PARTS =
      Set.of(
          "comment",
          "comments",
          "commentlist",
          "disqus",
          "respond",
          "replies",
          // German sites name them so («kommentarModul»)
          "kommentar",
          "kommentare");

  /** WordPress describes the post on its wrapper: «tag-social», «category-sidebar-news». */
  private static final Set<String> TAXONOMY_PREFIXES =
      Set.of("tag", "category", "cat", "format", "status", "type", "topic", "postid");

  /** Compounds that give themselves away when - and _ are dropped: «most-viewed», «readAlso». */
  private static final List<String> NEGATIVE_COMPOUNDS =
      List.of(
          "mostviewed",
          "mostread",
          "mostpopular",
          "mostvisited",
          "readalso",
          "alsoread",
          "readmore",
          "relatedpost",
          "relatednews",
          "relatedarticle",
          "morestories",
          "morenews",
          "youmaylike",
          "authorbio",
          "aboutauthor",
          "socialmedia",
          "shareicons",
          "sharebuttons",
          "sharetools",
          "toccontainer",
          "tableofcontents",
          // a fact box beside the text, a reading-time label
          "factbox",
          "infobox",
          "readingtime",
          // links to related or to the next stories («relatedlinks», «next-post-thumbnails»)
          "relatedlink",
          "nextpost",
          "nextstory");

  /** Compounds that name a picture's caption or credit: «imagedescription», «image-source». */
  private static final List<String> CAPTION_COMPOUNDS =
      List.of(
          "imagedescription",
          "imagecaption",
          "imagesubtitle",
          "imagesource",
          "imagecredit",
          "photocredit",
          "bildunterschrift");

  /** Class or id parts that name the article itself; they protect an element from removal. */
  private static final List<String> ARTICLE_NAMES =
      List.of(
          "articlebody",
          "article-body",
          "article_body",
          "articletext",
          "article-text",
          "article-content",
          "articlecontent",
          "post-content",
          "postcontent",
          "post-body",
          "entry-content",
          "story-body",
          "storybody",
          "story-content",
          "news-text",
          "newstext",
          "news-body",
          "body-text",
          "bodytext");

  /** What separates the parts of a class or id name. */
  private static final String PART_SEPARATORS = "-_:.@";

  /**
   * Class names that describe a state or a script hook, not what an element is: «has-ads»,
   * «is-sidebar», «js-readmore». A BEM modifier («section--ads») likewise says what an element
   * carries, so only the part before «--» names it.
   */
  private static final Set<String> STATE_PREFIXES = Set.of("has", "is", "with", "no", "js");

  /**
   * Whole class tokens that name an article wrapper; beside them, a boilerplate token is a
   * modifier.
   */
  private static final Set<String> ARTICLE_TOKENS =
      Set.of("entry", "post", "article", "story", "hentry");

  /**
   * What each combination of class and id names an element as, read once: pages and sites repeat a
   * few combinations («row», «col-md-8 sidebar») on many elements, and reading one means splitting
   * it into tokens and looking each up.
   */
  private static final Memo<Name> NAMES = new Memo<>(50_000, ClassNames::name);

  /** What the element's class and id name it as; {@code NEUTRAL} when it has neither. */
  static Name of(Element el) {
    if (!el.hasAttr("class") && !el.hasAttr("id")) {
      return Name.NEUTRAL;
    }
    return NAMES.get(el.className() + " " + el.id());
  }

  private ClassNames() {}

  enum Name {
    NEUTRAL,
    CHROME,
    BOILERPLATE,
    COMMENTS
  }

  /** What a class and id name an element as. */
  static Name name(String names) {
    if (names.isBlank()) {
      return Name.NEUTRAL;
    }
    String lower = splitCamelCase(names).toLowerCase(Locale.ROOT);
    List<String> tokens = split(lower, " \t\n\r\f");
    List<TokenVerdict> verdicts = new ArrayList<>(tokens.size());
    boolean articleToken = false;
    for (String token : tokens) {
      TokenVerdict verdict = TokenVerdict.of(token);
      // An article name never holds a separator, so it lies within one token.
      if (verdict.articleName()) {
        return Name.NEUTRAL;
      }
      articleToken |= verdict.articleToken();
      verdicts.add(verdict);
    }
    Name found = Name.NEUTRAL;
    for (TokenVerdict verdict : verdicts) {
      Name name = articleToken ? verdict.besideArticleToken() : verdict.alone();
      if (name == Name.COMMENTS || name == Name.BOILERPLATE) {
        return name;
      }
      if (name == Name.CHROME) {
        found = Name.CHROME;
      }
    }
    return found;
  }

  /**
   * What one class or id token says, read once per distinct token. Pages and sites repeat the same
   * few hundred tokens («row», «col-md-8», «entry-content») on thousands of elements; reading each
   * means splitting it into parts and looking them up in several sets.
   *
   * @param articleName whether the token holds an article name (see {@link #ARTICLE_NAMES})
   * @param articleToken whether it is an article wrapper's token (see {@link #ARTICLE_TOKENS})
   * @param alone what it names when no token of the element is an article wrapper's: {@code
   *     COMMENTS} or {@code BOILERPLATE} decide, {@code CHROME} counts unless a later token decides
   * @param besideArticleToken the same when one is, which makes boilerplate parts modifiers
   */
  private record TokenVerdict(
      boolean articleName, boolean articleToken, Name alone, Name besideArticleToken) {
    private static final Memo<TokenVerdict> KNOWN = new Memo<>(50_000, TokenVerdict::read);

    static TokenVerdict of(String token) {
      return KNOWN.get(token);
    }

    private static TokenVerdict read(String token) {
      boolean articleName = false;
      for (String article : ARTICLE_NAMES) {
        articleName |= token.contains(article);
      }
      return new TokenVerdict(
          articleName, ARTICLE_TOKENS.contains(token), nameOf(token, false), nameOf(token, true));
    }

    private static Name nameOf(String token, boolean articleToken) {
      if (isTaxonomyOrState(token)) {
        return Name.NEUTRAL;
      }
      Name found = Name.NEUTRAL;
      int modifier = token.indexOf("--");
      if (modifier > 0) {
        token = token.substring(0, modifier);
      }
      // A page builder sets every piece of the page, the article's text included, in a «widget»
      // («elementor-widget-text-editor»); what the widget holds is named by its other parts.
      boolean builder = token.startsWith("elementor-");
      for (String part : split(token, PART_SEPARATORS)) {
        if (COMMENT_PARTS.contains(part)) {
          return Name.COMMENTS;
        }
        if (BOILERPLATE_PARTS.contains(part) && !articleToken) {
          return Name.BOILERPLATE;
        }
        if (CHROME_PARTS.contains(part) && !(builder && part.startsWith("widget"))) {
          found = Name.CHROME;
        }
      }
      String joined = token.replace("-", "").replace("_", "");
      for (String compound : NEGATIVE_COMPOUNDS) {
        if (joined.contains(compound)) {
          return Name.BOILERPLATE;
        }
      }
      for (String compound : CAPTION_COMPOUNDS) {
        if (joined.contains(compound)) {
          found = Name.CHROME;
        }
      }
      return found;
    }
  }

  /**
   * Whether a class token describes the post or a state rather than the element: «tag-sidebar»,
   * «category-news» (WordPress), «has-ads», «is-sidebar», «js-readmore».
   */
  private static boolean isTaxonomyOrState(String token) {
    int dash = token.indexOf('-');
    if (dash > 0 && TAXONOMY_PREFIXES.contains(token.substring(0, dash))) {
      return true;
    }
    int cut = 0;
    while (cut < token.length() && token.charAt(cut) != '-' && token.charAt(cut) != '_') {
      cut++;
    }
    return cut < token.length() && STATE_PREFIXES.contains(token.substring(0, cut));
  }

  /** The non-empty runs of {@code text} between any of the {@code separators}. */
  private static List<String> split(String text, String separators) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || separators.indexOf(text.charAt(i)) >= 0) {
        if (i > start) {
          parts.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }

  /** «adZone» as «ad-Zone»: a lower-case letter followed by a capital starts a new part. */
  static String splitCamelCase(String names) {
    StringBuilder out = null;
    for (int i = 1; i < names.length(); i++) {
      char c = names.charAt(i);
      if (Character.isUpperCase(c) && Character.isLowerCase(names.charAt(i - 1))) {
        if (out == null) {
          out = new StringBuilder(names.length() + 8).append(names, 0, i);
        }
        out.append('-');
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? names : out.toString();
  }
}
