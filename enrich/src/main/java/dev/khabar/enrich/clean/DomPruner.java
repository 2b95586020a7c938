package dev.khabar.enrich.clean;

import org.jsoup.nodes.Element;

/**
 * Removes from a page what is never article text: scripts and forms, navigation, hidden elements,
 * elements whose class or id names them as boilerplate (share bars, comments, related lists,
 * sidebars, cookie notices, ads), captions, and blocks headed by a boilerplate phrase («اقرأ أيضا»,
 * «Most viewed»). Mutates the document it is given.
 *
 * <p>Three passes run in turn on what the page's {@link PageSurvey} found: {@link StructureRemover}
 * (tags and attributes), {@link ClassNameRemover} (class and id names, read by {@link ClassNames})
 * and {@link HeadedBlockRemover} (boilerplate headers).
 */
final class DomPruner {
  private DomPruner() {}

  /**
   * Prunes the page; {@code byName} also removes elements whose class or id names boilerplate, page
   * chrome or comments. Without it, only tags, hidden elements and headed blocks count.
   */
  static void prune(Element body, boolean byName) {
    prune(body, PageSurvey.of(body), byName);
  }

  /** Prunes the page as {@link #prune(Element, boolean)} does, from its survey. */
  static void prune(Element body, PageSurvey survey, boolean byName) {
    boolean[] removed = StructureRemover.remove(survey);
    OwnText text = survey.text();
    TextLengths lengths =
        byName
            ? ClassNameRemover.remove(
                body, survey.holders(), StructureRemover.remainingChars(text, removed), text)
            : TextLengths.of(body);
    HeadedBlockRemover.remove(body, lengths);
  }

  /** Whether the element is still in the document; removed subtrees have no root document. */
  static boolean attached(Element el) {
    Element up = el;
    while (up.parent() != null) {
      up = up.parent();
    }
    return up.normalName().equals("#root");
  }
}
