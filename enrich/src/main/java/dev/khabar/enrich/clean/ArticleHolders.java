package dev.khabar.enrich.clean;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The elements of a page that hold an article marker (a headline, an {@code <article>}, a {@code
 * <main>}, an {@code itemprop=articleBody}), which no removal pass takes away whole. Filled by the
 * page's survey, then only read; not thread-safe, like the page it describes.
 */
final class ArticleHolders {
  /** What an element holding the article contains; such an element is never removed whole. */
  private static final String ARTICLE_MARKERS = "h1, article, main, [itemprop=articleBody]";

  private static final Evaluator MARKERS = QueryParser.parse(ARTICLE_MARKERS);

  private static final Evaluator H1 = QueryParser.parse("h1");

  private final Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Whether the element is an article marker (see {@link #ARTICLE_MARKERS}). */
  static boolean isMarker(Element el) {
    return switch (el.normalName()) {
      case "h1", "article", "main" -> true;
      default -> el.attr("itemprop").strip().equalsIgnoreCase("articleBody");
    };
  }

  /**
   * Adds the marker and its ancestors to the elements that hold an article marker: asking each
   * element by a CSS query would walk its subtree every time. Removals only ever take markers away,
   * so an element outside the set never holds one; one inside is checked again.
   */
  void mark(Element marker) {
    for (Element up = marker; up != null && holders.add(up); up = up.parent()) {
      // each ancestor once: the climb stops at the first one already marked
    }
  }

  /**
   * Whether the element holds the article as the page stands. The page's own wrappers ({@code
   * body}, {@code html}, {@code main}, {@code article}) hold it unless their class names
   * boilerplate or comments and no headline is left in them.
   */
  boolean holdsArticle(Element el) {
    String tag = el.normalName();
    if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) {
      ClassNames.Name name = ClassNames.name(el.className());
      return name == ClassNames.Name.NEUTRAL
          || name == ClassNames.Name.CHROME
          || holders.contains(el) && el.selectFirst(H1) != null;
    }
    return holders.contains(el) && el.selectFirst(MARKERS) != null;
  }
}
