package dev.khabar.enrich.clean;

import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <article>} that carries the headline, on a page that holds several articles side by
 * side: an endless-scroll page appends the next stories in full, and the longest of them is often
 * not the one the page is about. The article is found by its heading, which agrees with the
 * headline; on a page with one article there is nothing to choose, and the answer is empty.
 */
final class HeadlineArticle {
  /** Headings read before giving up; a page's own headline comes early. */
  private static final int MAX_HEADINGS = 60;

  private HeadlineArticle() {}

  static @Nullable Element find(Element root, String title) {
    return find(root, title, Integer.MAX_VALUE);
  }

  /**
   * The same, told that the page holds at most {@code articlesAtMost} {@code <article>} elements
   * (as a survey before pruning counts them): fewer than two, and there is nothing to count.
   */
  static @Nullable Element find(Element root, String title, int articlesAtMost) {
    String folded = Boilerplate.fold(title);
    if (folded.length() < 10 || articlesAtMost < 2) {
      return null;
    }
    int articles = root.getElementsByTag("article").size();
    if (articles < 2) {
      return null;
    }
    int seen = 0;
    for (Element heading : root.select("h1, h2")) {
      if (++seen > MAX_HEADINGS) {
        break;
      }
      if (Boilerplate.fold(heading.text()).equals(folded)) {
        Element article = storyArticle(heading);
        if (article != null) {
          // An article that holds every other one is the page itself: nothing to choose.
          return article.getElementsByTag("article").size() == articles ? null : article;
        }
      }
    }
    return null;
  }

  /**
   * The widest {@code <article>} around the heading that holds no other story: a page may wrap all
   * its stories in one more {@code <article>}, and a story may nest its parts in articles.
   */
  private static @Nullable Element storyArticle(Element heading) {
    Element found = null;
    int onPath = 0;
    for (Element up = heading; up != null; up = up.parent()) {
      if (up.normalName().equals("article")) {
        onPath++;
        if (found != null && up.getElementsByTag("article").size() > onPath) {
          break;
        }
        found = up;
      }
    }
    return found;
  }
}
