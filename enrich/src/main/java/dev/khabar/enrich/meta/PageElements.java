package dev.khabar.enrich.meta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A page's elements in document order, gathered in one walk, with its {@code <script>} and {@code
 * <meta>} elements and where its body's elements lie. Metadata asks the page many questions
 * (structured data, meta tags, time elements, bylines, date lines); each asked of the tree is a walk
 * of it, and a walk of a freshly parsed tree is mostly cache misses, while a list is read fast.
 */
final class PageElements {
  /**
   * The attributes a byline or date line is found by. About half of a page's elements carry none
   * of them, and a selector asking only about these need not test those elements at all.
   */
  private static final List<String> NAMING_ATTRIBUTES = List.of("class", "id", "itemprop", "rel");

  private final Document doc;
  private final Range all;
  private final Range named;
  private final List<Element> scripts;
  private final List<Element> metas;

  private PageElements(Document doc, Range all, Range named, List<Element> scripts, List<Element> metas) {
    this.doc = doc;
    this.all = all;
    this.named = named;
    this.scripts = scripts;
    this.metas = metas;
  }

  /**
   * Elements in document order and where the body's lie among them.
   *
   * @param elements the elements
   * @param bodyStart the body's position
   * @param bodyEnd the position after the body's last descendant
   */
  private record Range(List<Element> elements, int bodyStart, int bodyEnd) {}

  static PageElements of(Document doc) {
    Element body = doc.body();
    List<Element> all = new ArrayList<>(1024);
    List<Element> named = new ArrayList<>(512);
    List<Element> scripts = new ArrayList<>();
    List<Element> metas = new ArrayList<>();
    int[] bodyRange = {0, 0, 0, 0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element el) {
              if (el == body) {
                bodyRange[0] = all.size();
                bodyRange[2] = named.size();
              }
              all.add(el);
              if (isNamed(el)) {
                named.add(el);
              }
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
              bodyRange[3] = named.size();
            }
          }
        },
        doc);
    return new PageElements(
        doc, new Range(all, bodyRange[0], bodyRange[1]), new Range(named, bodyRange[2], bodyRange[3]), scripts, metas);
  }

  /** Whether the element carries one of {@link #NAMING_ATTRIBUTES}, named in any case. */
  private static boolean isNamed(Element el) {
    if (el.attributesSize() == 0) {
      return false;
    }
    for (String attribute : NAMING_ATTRIBUTES) {
      if (el.attributes().hasKeyIgnoreCase(attribute)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code <script>} elements, in document order. */
  List<Element> scripts() {
    return scripts;
  }

  /** The {@code <meta>} elements, in document order. */
  List<Element> metas() {
    return metas;
  }

  /** The elements of the whole page the evaluator matches, in document order, as {@code doc.select} finds them. */
  Iterable<Element> matching(Evaluator evaluator) {
    return matching(evaluator, doc, all.elements(), 0, all.elements().size());
  }

  /** The same within the body, the body included, as {@code doc.body().select} finds them. */
  Iterable<Element> matchingInBody(Evaluator evaluator) {
    return matching(evaluator, doc.body(), all.elements(), all.bodyStart(), all.bodyEnd());
  }

  /**
   * {@link #matching}, for an evaluator that matches only elements carrying a class, id, itemprop
   * or rel attribute: the others are not tested.
   */
  Iterable<Element> matchingNamed(Evaluator evaluator) {
    return matching(evaluator, doc, named.elements(), 0, named.elements().size());
  }

  /** {@link #matchingInBody}, for an evaluator as {@link #matchingNamed} takes. */
  Iterable<Element> matchingNamedInBody(Evaluator evaluator) {
    return matching(evaluator, doc.body(), named.elements(), named.bodyStart(), named.bodyEnd());
  }

  /** Lazy, as a stream is: an element is tested only when the next match is asked for. */
  private static Iterable<Element> matching(Evaluator evaluator, Element root, List<Element> all, int from, int to) {
    return () ->
        new Iterator<>() {
          private int at = from;
          private boolean found;

          @Override
          public boolean hasNext() {
            if (!found) {
              while (at < to && !evaluator.matches(root, all.get(at))) {
                at++;
              }
              found = true;
            }
            return at < to;
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
