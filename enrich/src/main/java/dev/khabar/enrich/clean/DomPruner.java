package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Removes from a page what is never article text: scripts and forms, navigation, hidden elements,
 * elements whose class or id names them as boilerplate (share bars, comments, related lists,
 * sidebars, cookie notices, ads), captions, and blocks headed by a boilerplate phrase («اقرأ أيضا»,
 * «Most viewed»). Mutates the document it is given.
 */
final class DomPruner {
  private static final Set<String> JUNK_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "svg",
          "canvas",
          "video",
          "audio",
          "map",
          "button",
          "input",
          "select",
          "textarea",
          "option",
          "dialog",
          "menu",
          "figcaption",
          "link",
          "meta");

  /** Page chrome; removed unless it holds the article (some sites wrap everything in a form). */
  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "form");

  /** What an element holding the article contains; such an element is never removed whole. */
  private static final String ARTICLE_MARKERS = "h1, article, main, [itemprop=articleBody]";

  private static final Evaluator MARKERS = QueryParser.parse(ARTICLE_MARKERS);

  private static final Evaluator H1 = QueryParser.parse("h1");

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

  /** Share of the page's text above which a chrome-named element is taken for a layout wrapper. */
  private static final double LAYOUT_TEXT_SHARE = 0.3;

  /** The same for a boilerplate name, which is surer evidence. */
  private static final double WRAPPER_TEXT_SHARE = 0.5;

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

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

  /** How far a boilerplate header climbs: an ancestor this long is not a small link block. */
  private static final int MAX_HEADED_BLOCK_CHARS = 6000;

  private DomPruner() {}

  /**
   * What one walk of a page finds before anything is removed: its headlines, for {@link
   * TitleFinder}, and what pruning removes first. Good for one {@link #prune} of the page as it was
   * when surveyed.
   *
   * @param headlines the {@code <h1>} elements in document order, as {@code body.select("h1")}
   *     finds them
   * @param junk elements of {@link #JUNK_TAGS}, none inside another
   * @param hidden elements hidden by attribute or inline style, outside junk
   * @param chrome elements of {@link #CHROME_TAGS}, outside junk
   * @param holders the elements that hold an article marker outside junk, see {@link #markHolders}
   * @param text the elements outside junk, numbered in document order, and their own text
   * @param articles the {@code <article>} elements outside junk: pruning only takes them away, so
   *     the pruned page holds at most this many
   */
  record Survey(
      List<Element> headlines,
      List<Element> junk,
      List<Element> hidden,
      List<Element> chrome,
      Set<Element> holders,
      OwnText text,
      int articles) {}

  /**
   * Surveys the page. One walk finds junk, hidden, chrome and headline elements and the holders of
   * article markers, and counts the text: a CSS query for each would walk the page again and test
   * every element against every tag and style pattern. Junk is skipped whole, its removal takes all
   * it holds; only a headline inside it is looked for.
   */
  static Survey survey(Element body) {
    List<Element> headlines = new ArrayList<>();
    List<Element> junk = new ArrayList<>();
    List<Element> hidden = new ArrayList<>();
    List<Element> chrome = new ArrayList<>();
    Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
    OwnText.Builder text = new OwnText.Builder();
    int[] articles = new int[1];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              text.text(TextStats.nonSpace(t.getWholeText()));
              return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
              return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            if (JUNK_TAGS.contains(tag)) {
              junk.add(el);
              headlines.addAll(el.select(H1));
              return FilterResult.SKIP_ENTIRELY;
            }
            text.open(el);
            if (H1.matches(body, el)) {
              headlines.add(el);
            }
            // Any element getElementsByTag("article") could match, counted.
            if (tag.equals("article") || el.tagName().equalsIgnoreCase("article")) {
              articles[0]++;
            }
            if (isHidden(el)) {
              hidden.add(el);
            }
            if (CHROME_TAGS.contains(tag)) {
              chrome.add(el);
            }
            if (isMarker(el)) {
              markHolders(el, holders);
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element) {
              text.close();
            }
            return FilterResult.CONTINUE;
          }
        },
        body);
    return new Survey(headlines, junk, hidden, chrome, holders, text.build(), articles[0]);
  }

  /**
   * Prunes the page; {@code byName} also removes elements whose class or id names boilerplate, page
   * chrome or comments. Without it, only tags, hidden elements and headed blocks count.
   */
  static void prune(Element body, boolean byName) {
    prune(body, survey(body), byName);
  }

  /** Prunes the page as {@link #prune(Element, boolean)} does, from its survey. */
  static void prune(Element body, Survey survey, boolean byName) {
    survey.junk().forEach(Node::remove);
    Set<Element> holders = survey.holders();
    OwnText text = survey.text();
    boolean[] removed = new boolean[text.size()];
    removeUnlessArticle(survey.hidden(), holders, text, removed);
    removeUnlessArticle(survey.chrome(), holders, text, removed);
    TextLengths lengths =
        byName
            ? removeByName(body, holders, remainingChars(text, removed), text)
            : TextLengths.of(body);
    removeHeadedBlocks(body, lengths);
  }

  /** The text left once the elements marked removed are gone, each with all it held. */
  private static int remainingChars(OwnText text, boolean[] removed) {
    int[] under = text.underEach();
    int chars = text.total();
    for (int i = 0; i < removed.length; i++) {
      if (removed[i] && !removedAbove(i, text, removed)) {
        chars -= under[i];
      }
    }
    return chars;
  }

  private static boolean removedAbove(int i, OwnText text, boolean[] removed) {
    for (int up = text.parent(i); up >= 0; up = text.parent(up)) {
      if (removed[up]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the marker and its ancestors to the elements that hold an article marker (see {@link
   * #ARTICLE_MARKERS}): asking each element by a CSS query would walk its subtree every time.
   * Removals only ever take markers away, so an element outside the set never holds one; one inside
   * is checked again.
   */
  private static void markHolders(Element marker, Set<Element> holders) {
    for (Element up = marker; up != null && holders.add(up); up = up.parent()) {
      // each ancestor once: the climb stops at the first one already marked
    }
  }

  private static boolean isMarker(Element el) {
    return switch (el.normalName()) {
      case "h1", "article", "main" -> true;
      default -> el.attr("itemprop").strip().equalsIgnoreCase("articleBody");
    };
  }

  /**
   * Whether the element is hidden by attribute or inline style; pages reveal such text by script.
   */
  private static boolean isHidden(Element el) {
    if (el.hasAttr("hidden") || el.attr("aria-hidden").equalsIgnoreCase("true")) {
      return true;
    }
    String style = el.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String compact = WHITESPACE.matcher(style.toLowerCase(Locale.ROOT)).replaceAll("");
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }

  /**
   * Removes the elements whose class or id names boilerplate, page chrome or comments, in one walk
   * that also counts the text lengths of what stays; {@code bodyChars} is the text under the body
   * beforehand.
   */
  private static TextLengths removeByName(
      Element body, Set<Element> holders, int bodyChars, OwnText text) {
    int pageChars = Math.max(1, bodyChars);
    if (isRemovedByName(body, holders, pageChars)) {
      body.remove();
      return TextLengths.of(body);
    }
    // The walk meets the elements that stay in document order: the survey's numbers follow them.
    OwnText.Cursor cursor = text.cursor();
    return TextLengths.of(
        body,
        el -> isRemovedByName(el, holders, pageChars),
        el -> {
          int i = cursor.numberOf(el);
          return i >= 0 ? text.own(i) : ownChars(el);
        });
  }

  /** Non-whitespace characters of the text nodes directly in the element. */
  private static int ownChars(Element el) {
    int chars = 0;
    for (TextNode t : el.textNodes()) {
      chars += TextStats.nonSpace(t.getWholeText());
    }
    return chars;
  }

  private static boolean isRemovedByName(Element el, Set<Element> holders, int bodyChars) {
    if (!el.hasAttr("class") && !el.hasAttr("id")) {
      return false;
    }
    Name name = NAMES.get(el.className() + " " + el.id());
    if (name == Name.NEUTRAL || holdsArticle(el, holders)) {
      return false;
    }
    // A theme's class on the article's wrapper («entry share», «has-sidebar») names a layout;
    // an element holding much of the page is that wrapper. Comments alone may be that long.
    double share =
        name == Name.CHROME ? LAYOUT_TEXT_SHARE : name == Name.BOILERPLATE ? WRAPPER_TEXT_SHARE : 2;
    return share > 1 || !TextStats.exceeds(el, (int) (bodyChars * share));
  }

  /**
   * What each combination of class and id names an element as, read once: pages and sites repeat a
   * few combinations («row», «col-md-8 sidebar») on many elements, and reading one means splitting
   * it into tokens and looking each up.
   */
  private static final Memo<Name> NAMES = new Memo<>(50_000, DomPruner::name);

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

  /**
   * Removes those of the elements (in document order) that hold no article, and marks them removed
   * by their numbers in the page's text.
   */
  private static void removeUnlessArticle(
      List<Element> elements, Set<Element> holders, OwnText text, boolean[] removed) {
    OwnText.Cursor cursor = text.cursor();
    for (Element el : elements) {
      if (attached(el) && !holdsArticle(el, holders) && !isArticleHeader(el)) {
        removed[cursor.numberOf(el)] = true;
        el.remove();
      }
    }
  }

  /**
   * Whether the element is the header of an {@code <article>}: it holds the headline and often the
   * lead paragraph, not page chrome; its bylines and date lines are left to {@link BlockFilter}.
   */
  private static boolean isArticleHeader(Element el) {
    if (!el.normalName().equals("header")) {
      return false;
    }
    for (Element up = el.parent(); up != null; up = up.parent()) {
      if (up.normalName().equals("article")) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsArticle(Element el, Set<Element> holders) {
    String tag = el.normalName();
    if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) {
      Name name = name(el.className());
      return name == Name.NEUTRAL
          || name == Name.CHROME
          || holders.contains(el) && el.selectFirst(H1) != null;
    }
    return holders.contains(el) && el.selectFirst(MARKERS) != null;
  }

  /**
   * Removes each block a boilerplate phrase heads: the header climbs to the largest ancestor that
   * holds little besides links (a share bar, an «اقرأ أيضا» box, a sidebar list). When the header
   * stands alone among paragraphs, the link paragraphs that follow it go with it. {@code lengths}
   * counts the page as it stands.
   */
  private static void removeHeadedBlocks(Element body, TextLengths lengths) {
    List<Element> headers = new ArrayList<>();
    List<Integer> headerChars = new ArrayList<>();
    // An element is asked about once as itself and once as the parent of a child of the same text;
    // the answers, by the element's number: 0 not asked yet, 1 no, 2 yes.
    byte[] headerTexts = new byte[lengths.size()];
    for (int i = 0; i < lengths.size(); i++) {
      int chars = lengths.chars(i);
      if (lengths.element(i) != body
          && chars > 0
          && chars <= Boilerplate.MAX_HEADER_CHARS
          && isHeaderElement(i, lengths, headerTexts)) {
        headers.add(lengths.element(i));
        headerChars.add(chars);
      }
    }
    for (int h = 0; h < headers.size(); h++) {
      Element header = headers.get(h);
      if (!attached(header)) {
        continue;
      }
      Element block = header;
      for (Element parent = block.parent();
          parent != null && parent != body;
          parent = parent.parent()) {
        if (parent.normalName().equals("article") || parent.normalName().equals("main")) {
          break;
        }
        TextStats stats = TextStats.of(parent, MAX_HEADED_BLOCK_CHARS);
        int otherText = stats.chars() - stats.linkChars() - headerChars.get(h);
        if (stats.truncated() || otherText > Math.max(40, stats.chars() / 5)) {
          break;
        }
        block = parent;
      }
      if (block == header) {
        removeFollowingLinks(header);
      }
      block.remove();
    }
  }

  /** Whether the element's whole text is a boilerplate phrase, and no parent has the same text. */
  private static boolean isHeaderElement(int i, TextLengths lengths, byte[] headerTexts) {
    int parent = lengths.parent(i);
    if (parent >= 0
        && lengths.chars(parent) == lengths.chars(i)
        && isHeaderText(parent, lengths, headerTexts)) {
      return false;
    }
    return isHeaderText(i, lengths, headerTexts);
  }

  private static boolean isHeaderText(int i, TextLengths lengths, byte[] headerTexts) {
    if (headerTexts[i] == 0) {
      headerTexts[i] = isHeaderText(lengths.element(i)) ? (byte) 2 : (byte) 1;
    }
    return headerTexts[i] == 2;
  }

  private static boolean isHeaderText(Element el) {
    String text = el.text();
    return text.length() <= 2 * Boilerplate.MAX_HEADER_CHARS && Boilerplate.isHeader(text);
  }

  private static void removeFollowingLinks(Element header) {
    List<Element> links = new ArrayList<>();
    for (Element next = header.nextElementSibling();
        next != null && links.size() < 10;
        next = next.nextElementSibling()) {
      TextStats stats = TextStats.of(next, 1000);
      boolean empty = stats.chars() == 0;
      boolean linky = !stats.truncated() && stats.linkChars() * 2 >= stats.chars();
      if (!empty && !linky) {
        break;
      }
      links.add(next);
    }
    links.forEach(Node::remove);
  }

  /** Whether the element is still in the document; removed subtrees have no root document. */
  private static boolean attached(Element el) {
    Element up = el;
    while (up.parent() != null) {
      up = up.parent();
    }
    return up.normalName().equals("#root");
  }
}
