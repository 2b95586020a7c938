package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The text of a page as one walk in document order found it: for each element, the non-whitespace
 * characters of the text nodes directly in it. Elements are numbered in that order. Removing
 * elements never removes or changes another's own text, so what a page holds after removals can be
 * counted from these numbers without reading its text again; and a later walk meets the elements
 * that stay in the same order, so a {@link Cursor} finds each one's number by moving forward.
 */
final class OwnText {
  private final List<Element> elements;
  private final int[] parents;
  private final int[] own;

  private OwnText(List<Element> elements, int[] parents, int[] own) {
    this.elements = elements;
    this.parents = parents;
    this.own = own;
  }

  /** How many elements were counted. */
  int size() {
    return elements.size();
  }

  /** Non-whitespace characters of the text directly in the element numbered {@code i}. */
  int own(int i) {
    return own[i];
  }

  /** The number of the element's parent, or -1 for the first element counted. */
  int parent(int i) {
    return parents[i];
  }

  /** Non-whitespace characters of all the text counted. */
  int total() {
    int total = 0;
    for (int n : own) {
      total += n;
    }
    return total;
  }

  /**
   * Non-whitespace characters under each element, all its descendants' text included, by number.
   */
  int[] underEach() {
    int[] under = Arrays.copyOf(own, own.length);
    // Descendants are numbered after their ancestors.
    for (int i = under.length - 1; i > 0; i--) {
      if (parents[i] >= 0) {
        under[parents[i]] += under[i];
      }
    }
    return under;
  }

  /** A cursor from the first element on. */
  Cursor cursor() {
    return new Cursor();
  }

  /**
   * Finds elements' numbers when asked about them in document order, each after the one before;
   * elements not counted, or asked about out of order, are not found.
   */
  final class Cursor {
    private int at;

    private Cursor() {}

    /** The element's number, or -1 when it is not at or after the cursor. */
    int numberOf(Element el) {
      int i = at;
      while (i < elements.size() && elements.get(i) != el) {
        i++;
      }
      if (i == elements.size()) {
        return -1;
      }
      at = i;
      return i;
    }
  }

  /** Counts as a walk meets elements and text: {@link #open}, {@link #text} and {@link #close}. */
  static final class Builder {
    private final List<Element> elements = new ArrayList<>(1024);
    private int[] parents = new int[1024];
    private int[] own = new int[1024];
    private int[] open = new int[64];
    private int depth;

    /** An element starts; text from now on is its own until it or a child ends or starts. */
    void open(Element el) {
      int i = elements.size();
      if (i == own.length) {
        own = Arrays.copyOf(own, i * 2);
        parents = Arrays.copyOf(parents, i * 2);
      }
      elements.add(el);
      own[i] = 0;
      parents[i] = depth == 0 ? -1 : open[depth - 1];
      if (depth == open.length) {
        open = Arrays.copyOf(open, depth * 2);
      }
      open[depth++] = i;
    }

    /** Text directly in the innermost open element; text outside any is not counted. */
    void text(int chars) {
      if (depth > 0) {
        own[open[depth - 1]] += chars;
      }
    }

    /** The innermost open element ends. */
    void close() {
      depth--;
    }

    OwnText build() {
      int n = elements.size();
      return new OwnText(elements, Arrays.copyOf(parents, n), Arrays.copyOf(own, n));
    }
  }
}
