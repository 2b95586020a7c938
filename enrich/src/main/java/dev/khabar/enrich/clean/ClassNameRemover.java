package dev.khabar.enrich.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The second removal pass: takes away the elements whose class or id names boilerplate, page chrome
 * or comments (see {@link ClassNames}), unless they hold the article or, for chrome and boilerplate
 * names, much of the page's text. Stateless.
 */
final class ClassNameRemover {
  /** Share of the page's text above which a chrome-named element is taken for a layout wrapper. */
  private static final double LAYOUT_TEXT_SHARE = 0.3;

  /** The same for a boilerplate name, which is surer evidence. */
  private static final double WRAPPER_TEXT_SHARE = 0.5;

  private ClassNameRemover() {}

  /**
   * Removes the elements whose class or id names boilerplate, page chrome or comments, in one walk
   * that also counts the text lengths of what stays; {@code bodyChars} is the text under the body
   * beforehand, and {@code text} the survey's count of the page before the first pass.
   */
  static TextLengths remove(Element body, ArticleHolders holders, int bodyChars, OwnText text) {
    int pageChars = Math.max(1, bodyChars);
    if (isRemoved(body, holders, pageChars)) {
      body.remove();
      return TextLengths.of(body);
    }
    // The walk meets the elements that stay in document order: the survey's numbers follow them.
    OwnText.Cursor cursor = text.cursor();
    return TextLengths.of(
        body,
        el -> isRemoved(el, holders, pageChars),
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

  private static boolean isRemoved(Element el, ArticleHolders holders, int bodyChars) {
    ClassNames.Name name = ClassNames.of(el);
    if (name == ClassNames.Name.NEUTRAL || holders.holdsArticle(el)) {
      return false;
    }
    // A theme's class on the article's wrapper («entry share», «has-sidebar») names a layout;
    // an element holding much of the page is that wrapper. Comments alone may be that long.
    double share =
        name == ClassNames.Name.CHROME
            ? LAYOUT_TEXT_SHARE
            : name == ClassNames.Name.BOILERPLATE ? WRAPPER_TEXT_SHARE : 2;
    return share > 1 || !TextStats.exceeds(el, (int) (bodyChars * share));
  }
}
