package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

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
    Walk walk = new Walk();
    NodeTraversor.traverse(walk, root);
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
   * The counting walk. Elements are numbered as they open (document order) while they are
   * counted, and renumbered as they close once the walk is done.
   */
  private static final class Walk implements NodeVisitor {
    private final List<Element> opened = new ArrayList<>(256);
    private int[] chars = new int[256];
    private int[] parents = new int[256];
    private int[] closing = new int[256];
    private int closed;
    private int[] open = new int[64];
    private int depth;

    @Override
    public void head(Node node, int nodeDepth) {
      if (node instanceof Element el) {
        int i = opened.size();
        if (i == chars.length) {
          chars = Arrays.copyOf(chars, i * 2);
          parents = Arrays.copyOf(parents, i * 2);
          closing = Arrays.copyOf(closing, i * 2);
        }
        opened.add(el);
        chars[i] = 0;
        parents[i] = depth == 0 ? -1 : open[depth - 1];
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = i;
      } else if (node instanceof TextNode text && depth > 0) {
        chars[open[depth - 1]] += TextStats.nonSpace(text.getWholeText());
      }
    }

    @Override
    public void tail(Node node, int nodeDepth) {
      if (node instanceof Element) {
        int i = open[--depth];
        closing[closed++] = i;
        if (depth > 0) {
          chars[open[depth - 1]] += chars[i];
        }
      }
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
