package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.List;
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
    String folded = Boilerplate.fold(title);
    if (folded.length() < 10) {
      return null;
    }
    List<Element> articles = new ArrayList<>();
    for (Element article : root.getElementsByTag("article")) {
      if (outermostArticle(article) == article) {
        articles.add(article);
      }
    }
    if (articles.size() < 2) {
      return null;
    }
    int seen = 0;
    for (Element heading : root.select("h1, h2")) {
      if (++seen > MAX_HEADINGS) {
        break;
      }
      if (Boilerplate.fold(heading.text()).equals(folded)) {
        Element article = outermostArticle(heading);
        if (article != null) {
          return article;
        }
      }
    }
    return null;
  }

  private static @Nullable Element outermostArticle(Element el) {
    Element found = null;
    for (Element up = el; up != null; up = up.parent()) {
      if (up.normalName().equals("article")) {
        found = up;
      }
    }
    return found;
  }
}
