package dev.khabar.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The last removal pass: takes away the blocks a boilerplate phrase heads («اقرأ أيضا», «Most
 * viewed», «Share this»; see {@link Boilerplate#isHeader}). Stateless.
 */
final class HeadedBlockRemover {
  /** How far a boilerplate header climbs: an ancestor this long is not a small link block. */
  private static final int MAX_HEADED_BLOCK_CHARS = 6000;

  private HeadedBlockRemover() {}

  /**
   * Removes each block a boilerplate phrase heads: the header climbs to the largest ancestor that
   * holds little besides links (a share bar, an «اقرأ أيضا» box, a sidebar list). When the header
   * stands alone among paragraphs, the link paragraphs that follow it go with it. {@code lengths}
   * counts the page as it stands.
   */
  static void remove(Element body, TextLengths lengths) {
    List<Element> headers = new ArrayList<>();
    List<Integer> headerChars = new ArrayList<>();
    // An element is asked about once as itself and once as the parent of a child of the same text;
    // the answers, by the element's number: 0 not asked yet, 1 no, 2 yes.
    byte[] headerTexts = new byte[lengths.size()];
    for (int i = 0; i < lengths.size(); i++) {
      int chars = lengths.chars(i);
      if (lengths.element(i) != body
          && chars > 0
          && chars <= Boilerplate.MAX_HEADER_CHARS
          && isHeaderElement(i, lengths, headerTexts)) {
        headers.add(lengths.element(i));
        headerChars.add(chars);
      }
    }
    for (int h = 0; h < headers.size(); h++) {
      Element header = headers.get(h);
      if (!DomPruner.attached(header)) {
        continue;
      }
      Element block = header;
      for (Element parent = block.parent();
          parent != null && parent != body;
          parent = parent.parent()) {
        if (parent.normalName().equals("article") || parent.normalName().equals("main")) {
          break;
        }
        TextStats stats = TextStats.of(parent, MAX_HEADED_BLOCK_CHARS);
        int otherText = stats.chars() - stats.linkChars() - headerChars.get(h);
        if (stats.truncated() || otherText > Math.max(40, stats.chars() / 5)) {
          break;
        }
        block = parent;
      }
      if (block == header) {
        removeFollowingLinks(header);
      }
      block.remove();
    }
  }

  /** Whether the element's whole text is a boilerplate phrase, and no parent has the same text. */
  private static boolean isHeaderElement(int i, TextLengths lengths, byte[] headerTexts) {
    int parent = lengths.parent(i);
    if (parent >= 0
        && lengths.chars(parent) == lengths.chars(i)
        && isHeaderText(parent, lengths, headerTexts)) {
      return false;
    }
    return isHeaderText(i, lengths, headerTexts);
  }

  private static boolean isHeaderText(int i, TextLengths lengths, byte[] headerTexts) {
    if (headerTexts[i] == 0) {
      headerTexts[i] = isHeaderText(lengths.element(i)) ? (byte) 2 : (byte) 1;
    }
    return headerTexts[i] == 2;
  }

  private static boolean isHeaderText(Element el) {
    String text = el.text();
    return text.length() <= 2 * Boilerplate.MAX_HEADER_CHARS && Boilerplate.isHeader(text);
  }

  private static void removeFollowingLinks(Element header) {
    List<Element> links = new ArrayList<>();
    for (Element next = header.nextElementSibling();
        next != null && links.size() < 10;
        next = next.nextElementSibling()) {
      TextStats stats = TextStats.of(next, 1000);
      boolean empty = stats.chars() == 0;
      boolean linky = !stats.truncated() && stats.linkChars() * 2 >= stats.chars();
      if (!empty && !linky) {
        break;
      }
      links.add(next);
    }
    links.forEach(Node::remove);
  }
}
