package dev.khabar.enrich.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Characters of text under an element, and how many of them are link text, counted without
 * whitespace. Counting stops past a limit so that asking about a huge element stays cheap.
 *
 * @param chars non-whitespace characters (up to the limit)
 * @param linkChars those inside an {@code <a>}
 * @param truncated whether counting stopped at the limit
 */
record TextStats(int chars, int linkChars, boolean truncated) {

  static TextStats of(Element root, int limit) {
    int[] counts = new int[2];
    boolean[] stopped = new boolean[1];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
              int n = nonSpace(text.getWholeText());
              counts[0] += n;
              if (inLink(text, root)) {
                counts[1] += n;
              }
              if (counts[0] > limit) {
                stopped[0] = true;
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return new TextStats(counts[0], counts[1], stopped[0]);
  }

  /**
   * Whether the element holds more than {@code limit} non-whitespace characters, as {@link
   * #of}{@code (root, limit).truncated()} answers, without telling link text apart.
   */
  static boolean exceeds(Element root, int limit) {
    int[] count = new int[1];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
              count[0] += nonSpace(text.getWholeText());
              if (count[0] > limit) {
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return count[0] > limit;
  }

  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }

  static int nonSpace(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        // ASCII without the character-class lookups: whitespace is tab to carriage return, the
        // four separators 0x1C-0x1F and the space.
        if (c > ' ' || c < '\t' || c > '\r' && c < '\u001C') {
          n++;
        }
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        n++;
      }
    }
    return n;
  }

  private static boolean inLink(Node node, Element root) {
    for (Node up = node.parent(); up != null; up = up.parent()) {
      if (up instanceof Element el && el.normalName().equals("a")) {
        return true;
      }
      if (up == root) {
        return false;
      }
    }
    return false;
  }
}
