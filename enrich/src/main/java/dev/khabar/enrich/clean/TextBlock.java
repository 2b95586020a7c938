package dev.khabar.enrich.clean;

import org.jsoup.nodes.Element;

/**
 * One run of text between block boundaries: a paragraph, a heading, a list item, or text set
 * directly in a {@code <div>} between {@code <br>}s.
 *
 * @param text the text, whitespace collapsed
 * @param chars non-whitespace characters of the text
 * @param linkChars those inside an {@code <a>}
 * @param owner the innermost block element around the text
 * @param kind what the block is
 */
record TextBlock(String text, int chars, int linkChars, Element owner, Kind kind) {

  enum Kind {
    PARAGRAPH,
    HEADING,
    LIST_ITEM,
    QUOTE,
    PRE,
    CELL,
    CAPTION
  }

  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }
}
