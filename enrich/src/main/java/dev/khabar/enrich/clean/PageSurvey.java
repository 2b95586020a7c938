package dev.khabar.enrich.clean;

import java.util.ArrayList;
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
 * What one walk of a page finds before anything is removed: its headlines, for {@link TitleFinder},
 * and what pruning removes first. Good for one {@link DomPruner#prune} of the page as it was when
 * surveyed. Holds the page's elements, so it is no more thread-safe than the page.
 *
 * @param headlines the {@code <h1>} elements in document order, as {@code body.select("h1")} finds
 *     them
 * @param junk elements of {@link #JUNK_TAGS}, none inside another
 * @param hidden elements hidden by attribute or inline style, outside junk
 * @param chrome elements of {@link #CHROME_TAGS}, outside junk
 * @param holders the elements that hold an article marker outside junk
 * @param text the elements outside junk, numbered in document order, and their own text
 * @param articles the {@code <article>} elements outside junk: pruning only takes them away, so the
 *     pruned page holds at most this many
 */
record PageSurvey(
    List<Element> headlines,
    List<Element> junk,
    List<Element> hidden,
    List<Element> chrome,
    ArticleHolders holders,
    OwnText text,
    int articles) {
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

  private static final Evaluator H1 = QueryParser.parse("h1");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * Surveys the page. One walk finds junk, hidden, chrome and headline elements and the holders of
   * article markers, and counts the text: a CSS query for each would walk the page again and test
   * every element against every tag and style pattern. Junk is skipped whole, its removal takes all
   * it holds; only a headline inside it is looked for.
   */
  static PageSurvey of(Element body) {
    List<Element> headlines = new ArrayList<>();
    List<Element> junk = new ArrayList<>();
    List<Element> hidden = new ArrayList<>();
    List<Element> chrome = new ArrayList<>();
    ArticleHolders holders = new ArticleHolders();
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
            if (ArticleHolders.isMarker(el)) {
              holders.mark(el);
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
    return new PageSurvey(headlines, junk, hidden, chrome, holders, text.build(), articles[0]);
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
}
