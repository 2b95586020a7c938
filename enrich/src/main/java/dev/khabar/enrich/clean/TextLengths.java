package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Non-whitespace characters under each element of a subtree, children before parents, counted in
 * one pass: asking each element for its text would cost time quadratic in the depth of the page.
 * Elements are numbered in that order, and each knows its parent's number, so a question about an
 * element or its parent is an array read rather than a lookup keyed by element.
 */
final class TextLengths {
  private final List<Element> elements;
  private final int[] chars;
  private final int[] parents;

  private TextLengths(List<Element> elements, int[] chars, int[] parents) {
    this.elements = elements;
    this.chars = chars;
    this.parents = parents;
  }

  /** The counts of {@code root} and every element under it. */
  static TextLengths of(Element root) {
    return of(root, el -> false);
  }

  /**
   * The counts of what stays under {@code root} once the elements {@code remove} names are taken
   * away, each with all it holds. The walk asks about each element (the root aside) in document
   * order as it meets it, so the question sees the page with every earlier removal made.
   */
  static TextLengths of(Element root, Predicate<Element> remove) {
    Walk walk = new Walk(root, remove, null);
    NodeTraversor.filter(walk, root);
    return walk.result();
  }

  /**
   * The same, with each staying element's own text (the text nodes directly in it) counted already:
   * {@code ownChars} is asked about each in document order, and the text is not read.
   */
  static TextLengths of(Element root, Predicate<Element> remove, ToIntFunction<Element> ownChars) {
    Walk walk = new Walk(root, remove, ownChars);
    NodeTraversor.filter(walk, root);
    return walk.result();
  }

  /** How many elements were counted. */
  int size() {
    return elements.size();
  }

  /** The element numbered {@code i}: children come before their parents, the root last. */
  Element element(int i) {
    return elements.get(i);
  }

  /** Non-whitespace characters under the element numbered {@code i}. */
  int chars(int i) {
    return chars[i];
  }

  /** The number of the element's parent, or -1 for the root. */
  int parent(int i) {
    return parents[i];
  }

  /**
   * The counting walk. Elements are numbered as they open (document order) while they are counted,
   * and renumbered as they close once the walk is done.
   */
  private static final class Walk implements NodeFilter {
    private final Element root;
    private final Predicate<Element> remove;
    private final @Nullable ToIntFunction<Element> ownChars;
    private final List<Element> opened = new ArrayList<>(256);
    private int[] chars = new int[256];
    private int[] parents = new int[256];
    private int[] closing = new int[256];
    private int closed;
    private int[] open = new int[64];
    private int depth;

    Walk(Element root, Predicate<Element> remove, @Nullable ToIntFunction<Element> ownChars) {
      this.root = root;
      this.remove = remove;
      this.ownChars = ownChars;
    }

    @Override
    public FilterResult head(Node node, int nodeDepth) {
      if (node instanceof Element el) {
        if (el != root && remove.test(el)) {
          return FilterResult.REMOVE;
        }
        int i = opened.size();
        if (i == chars.length) {
          chars = Arrays.copyOf(chars, i * 2);
          parents = Arrays.copyOf(parents, i * 2);
          closing = Arrays.copyOf(closing, i * 2);
        }
        opened.add(el);
        chars[i] = ownChars == null ? 0 : ownChars.applyAsInt(el);
        parents[i] = depth == 0 ? -1 : open[depth - 1];
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = i;
      } else if (ownChars == null && node instanceof TextNode text && depth > 0) {
        chars[open[depth - 1]] += TextStats.nonSpace(text.getWholeText());
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int nodeDepth) {
      if (node instanceof Element) {
        int i = open[--depth];
        closing[closed++] = i;
        if (depth > 0) {
          chars[open[depth - 1]] += chars[i];
        }
      }
      return FilterResult.CONTINUE;
    }

    TextLengths result() {
      int n = closed;
      int[] renumbered = new int[n];
      for (int k = 0; k < n; k++) {
        renumbered[closing[k]] = k;
      }
      List<Element> elements = new ArrayList<>(n);
      int[] byClose = new int[n];
      int[] parentByClose = new int[n];
      for (int k = 0; k < n; k++) {
        int i = closing[k];
        elements.add(opened.get(i));
        byClose[k] = chars[i];
        parentByClose[k] = parents[i] < 0 ? -1 : renumbered[parents[i]];
      }
      return new TextLengths(elements, byClose, parentByClose);
    }
  }
}
