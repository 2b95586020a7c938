package dev.khabar.enrich.meta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A page's elements in document order, gathered in one walk, with its {@code <script>} and {@code
 * <meta>} elements and where its body's elements lie. Metadata asks the page many questions
 * (structured data, meta tags, time elements, bylines, date lines); each asked of the tree is a
 * walk of it, and a walk of a freshly parsed tree is mostly cache misses, while a list is read
 * fast.
 */
final class PageElements {
  private final Document doc;
  private final List<Element> all;
  private final List<Element> scripts;
  private final List<Element> metas;
  private final int bodyStart;
  private final int bodyEnd;

  private PageElements(
      Document doc,
      List<Element> all,
      List<Element> scripts,
      List<Element> metas,
      int bodyStart,
      int bodyEnd) {
    this.doc = doc;
    this.all = all;
    this.scripts = scripts;
    this.metas = metas;
    this.bodyStart = bodyStart;
    this.bodyEnd = bodyEnd;
  }

  static PageElements of(Document doc) {
    Element body = doc.body();
    List<Element> all = new ArrayList<>(1024);
    List<Element> scripts = new ArrayList<>();
    List<Element> metas = new ArrayList<>();
    int[] bodyRange = {0, 0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element el) {
              if (el == body) {
                bodyRange[0] = all.size();
              }
              all.add(el);
              // Element.nameIs, as getElementsByTag matches.
              if (el.nameIs("script")) {
                scripts.add(el);
              } else if (el.nameIs("meta")) {
                metas.add(el);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node == body) {
              bodyRange[1] = all.size();
            }
          }
        },
        doc);
    return new PageElements(doc, all, scripts, metas, bodyRange[0], bodyRange[1]);
  }

  /** The {@code <script>} elements, in document order. */
  List<Element> scripts() {
    return scripts;
  }

  /** The {@code <meta>} elements, in document order. */
  List<Element> metas() {
    return metas;
  }

  /**
   * The elements of the whole page the evaluator matches, in document order, as {@code doc.select}
   * finds them; the evaluator is asked only about elements that pass {@code screen}, which all it
   * matches must.
   */
  Iterable<Element> matching(Evaluator evaluator, Predicate<Element> screen) {
    return matching(evaluator, screen, doc, 0, all.size());
  }

  /** The same within the body, the body included, as {@code doc.body().select} finds them. */
  Iterable<Element> matchingInBody(Evaluator evaluator, Predicate<Element> screen) {
    return matching(evaluator, screen, doc.body(), bodyStart, bodyEnd);
  }

  /**
   * Up to {@code n} elements after the body's first {@code <h1>} in document order, past the
   * headline's own; none when the body has no {@code <h1>}.
   */
  List<Element> belowHeadline(int n) {
    for (int i = bodyStart; i < bodyEnd; i++) {
      Element h1 = all.get(i);
      if (h1.nameIs("h1")) {
        int from = i + 1;
        while (from < bodyEnd && inside(all.get(from), h1)) {
          from++;
        }
        return all.subList(from, Math.min(bodyEnd, from + n));
      }
    }
    return List.of();
  }

  private static boolean inside(Element el, Element ancestor) {
    for (Element up = el.parent(); up != null; up = up.parent()) {
      if (up == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Lazy, as a stream is: an element is tested only when the next match is asked for. */
  private Iterable<Element> matching(
      Evaluator evaluator, Predicate<Element> screen, Element root, int from, int to) {
    return () ->
        new Iterator<>() {
          private int at = from;
          private boolean found;

          @Override
          public boolean hasNext() {
            if (!found) {
              while (at < to && !matches(all.get(at))) {
                at++;
              }
              found = true;
            }
            return at < to;
          }

          private boolean matches(Element el) {
            return screen.test(el) && evaluator.matches(root, el);
          }

          @Override
          public Element next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            found = false;
            return all.get(at++);
          }
        };
  }
}
