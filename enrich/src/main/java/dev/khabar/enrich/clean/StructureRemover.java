package dev.khabar.enrich.clean;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The first removal pass: takes away what the survey found by tag and attribute, junk whole and
 * hidden elements and page chrome unless they hold the article. Stateless.
 */
final class StructureRemover {
  private StructureRemover() {}

  /**
   * Removes the survey's junk, then its hidden and chrome elements that hold no article.
   *
   * @return which of the survey's numbered elements were removed as hidden or chrome (junk is not
   *     numbered), by their numbers in its text
   */
  static boolean[] remove(PageSurvey survey) {
    survey.junk().forEach(Node::remove);
    boolean[] removed = new boolean[survey.text().size()];
    removeUnlessArticle(survey.hidden(), survey, removed);
    removeUnlessArticle(survey.chrome(), survey, removed);
    return removed;
  }

  /** The text left once the elements marked removed are gone, each with all it held. */
  static int remainingChars(OwnText text, boolean[] removed) {
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
   * Removes those of the elements (in document order) that hold no article, and marks them removed
   * by their numbers in the page's text.
   */
  private static void removeUnlessArticle(
      List<Element> elements, PageSurvey survey, boolean[] removed) {
    OwnText.Cursor cursor = survey.text().cursor();
    for (Element el : elements) {
      if (DomPruner.attached(el) && !survey.holders().holdsArticle(el) && !isArticleHeader(el)) {
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
}
