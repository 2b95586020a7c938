package dev.khabar.enrich.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Cuts a DOM into {@link TextBlock}s at block-level elements and {@code <br>}. Iterative, and stops
 * after a number of blocks or characters, so a huge page costs bounded work.
 */
final class BlockSegmenter {
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "center",
          "dd",
          "details",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "html",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "thead",
          "tfoot",
          "tr",
          "td",
          "th",
          "ul",
          "caption",
          "legend",
          "br");

  private BlockSegmenter() {}

  static List<TextBlock> segment(Element root, int maxBlocks, int maxChars) {
    List<TextBlock> blocks = new ArrayList<>();
    Deque<Element> open = new ArrayDeque<>();
    CollapsedText text = new CollapsedText();
    int[] counts = new int[3]; // chars, link chars, total chars so far
    int[] linkDepth = new int[1];

    Runnable flush =
        () -> {
          if (counts[0] > 0) {
            Element owner = open.isEmpty() ? root : open.peek();
            blocks.add(new TextBlock(text.take(), counts[0], counts[1], owner, kind(open)));
            counts[2] += counts[0];
          } else {
            text.clear();
          }
          counts[0] = 0;
          counts[1] = 0;
        };

    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              int n = text.append(t.getWholeText());
              counts[0] += n;
              if (linkDepth[0] > 0) {
                counts[1] += n;
              }
            } else if (node instanceof Element el) {
              String tag = el.normalName();
              if (tag.equals("a")) {
                linkDepth[0]++;
              } else if (BLOCK_TAGS.contains(tag)) {
                flush.run();
                open.push(el);
              }
            }
            return blocks.size() >= maxBlocks || counts[2] >= maxChars
                ? FilterResult.STOP
                : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
              String tag = el.normalName();
              if (tag.equals("a")) {
                linkDepth[0]--;
              } else if (BLOCK_TAGS.contains(tag)) {
                flush.run();
                open.pop();
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    flush.run();
    return blocks;
  }

  /** What kind of block the innermost open elements make; a figure makes anything a caption. */
  private static TextBlock.Kind kind(Deque<Element> open) {
    TextBlock.Kind kind = null;
    for (Element el : open) {
      TextBlock.Kind k =
          switch (el.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> TextBlock.Kind.HEADING;
            case "li", "dd", "dt" -> TextBlock.Kind.LIST_ITEM;
            case "blockquote" -> TextBlock.Kind.QUOTE;
            case "pre" -> TextBlock.Kind.PRE;
            case "td", "th" -> TextBlock.Kind.CELL;
            case "figure", "figcaption", "caption" -> TextBlock.Kind.CAPTION;
            case "p" -> TextBlock.Kind.PARAGRAPH;
            default -> null;
          };
      if (k == TextBlock.Kind.CAPTION && kind != TextBlock.Kind.QUOTE) {
        return k;
      }
      if (kind == null) {
        kind = k;
      }
    }
    return kind == null ? TextBlock.Kind.PARAGRAPH : kind;
  }

  /**
   * Collapses every run of whitespace, non-breaking spaces included, to one space, and drops the
   * invisible characters that only steer layout: soft hyphens, zero-width spaces, word joiners and
   * byte-order marks, so a word hyphenated for display reads whole. Zero-width (non-)joiners stay:
   * Persian spelling needs them.
   */
  static String collapse(CharSequence text) {
    return collapse(text, true);
  }

  /**
   * Whitespace runs as one space; {@code dropInvisible} also drops {@link #isInvisible} characters.
   */
  static String collapse(CharSequence text, boolean dropInvisible) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (dropInvisible && isInvisible(c)) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A block's text, collapsed as its text nodes come (as {@link #collapse(CharSequence)} collapses
   * their concatenation), so each char is read once rather than copied and read again.
   */
  private static final class CollapsedText {
    private final StringBuilder out = new StringBuilder();
    private boolean space;

    /**
     * Appends the text; answers its non-whitespace chars, as {@link TextStats#nonSpace} counts
     * them.
     */
    int append(String text) {
      int nonSpace = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (isWhitespace(c)) {
          space = out.length() > 0;
          continue;
        }
        nonSpace++;
        if (isInvisible(c)) {
          continue;
        }
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
      return nonSpace;
    }

    /** The text gathered since the last take; starts over. */
    String take() {
      String text = out.toString();
      clear();
      return text;
    }

    void clear() {
      out.setLength(0);
      space = false;
    }

    /**
     * {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, without the lookups for ASCII.
     */
    private static boolean isWhitespace(char c) {
      if (c < 0x80) {
        return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
      }
      return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
  }

  /** A character that renders as nothing and joins no letters. */
  static boolean isInvisible(char c) {
    return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
  }
}
