package dev.khabar.enrich.clean;

import dev.khabar.enrich.meta.TextualDates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the blocks inside the article's containers that are article text: not the headline again,
 * not a caption, byline, date line, source tag («الكوثر_ايران») or link list, and each text once.
 */
final class BlockFilter {
  /** A hashtag-like source tag: words joined by underscores, maybe after a «#». */
  private static final Pattern SOURCE_TAG = Pattern.compile("^[#＃]?[\\p{L}\\p{N}]+(?:_[\\p{L}\\p{N}]+)+$");

  private static final Pattern HASHTAGS = Pattern.compile("^(?:[#＃][\\p{L}\\p{N}_]+\\s*)+$");

  static final Pattern BYLINE =
      Pattern.compile(
          "^(?i)(?:by|written by|posted by|بقلم|كتب|كتبت|كتبه|تقرير|إعداد|اعداد|تحرير|نویسنده|تحریر)"
              + "(?:\\s*[:：\\-–]\\s*|\\s+)\\S.*");

  /** A date line: a date, a place and a few words («البصرة، ٢١ يوليو ٢٠٢٤», «2024-12-11 13:42»). */
  private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}");

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟。…:)\"»”“’'»]\\s*$");

  /** Lines at the end of a text shorter than this and not a sentence are labels, not article. */
  private static final int MAX_TAIL_LABEL_CHARS = 100;

  private static final int MAX_BYLINE_CHARS = 80;
  private static final int MAX_DATELINE_WORDS = 8;
  private static final int MIN_DEDUPE_CHARS = 20;
  private static final int MAX_ROOT_DEPTH = 256;

  private final String foldedTitle;
  private @Nullable String byline;

  BlockFilter(String title) {
    this.foldedTitle = Boilerplate.fold(title);
  }

  /** The texts of the blocks in the roots that are article text, in document order. */
  List<String> keep(List<TextBlock> blocks, List<Element> roots) {
    Set<Element> rootSet = Collections.newSetFromMap(new IdentityHashMap<>());
    rootSet.addAll(roots);
    Set<String> seen = new HashSet<>();
    List<TextBlock> kept = new ArrayList<>();
    for (TextBlock block : blocks) {
      if (!inside(block.owner(), rootSet) || !isText(block)) {
        continue;
      }
      String folded = Boilerplate.fold(block.text());
      if (folded.isEmpty() || folded.equals(foldedTitle)) {
        continue;
      }
      if (folded.length() >= MIN_DEDUPE_CHARS && !seen.add(folded)) {
        continue;
      }
      kept.add(block);
    }
    trimTail(kept);
    return kept.stream().map(TextBlock::text).toList();
  }

  /**
   * Drops the short lines after the article's last sentence: a signature, a credit, a tag line, a
   * heading of whatever follows («Weitere Themen»). An article ends with a sentence, not a label.
   */
  private static void trimTail(List<TextBlock> kept) {
    int sentences = 0;
    for (TextBlock b : kept) {
      if (isSentence(b)) {
        sentences++;
      }
    }
    if (sentences == 0) {
      return;
    }
    while (!kept.isEmpty()) {
      TextBlock last = kept.get(kept.size() - 1);
      if (last.kind() != TextBlock.Kind.HEADING && isSentence(last)) {
        break;
      }
      if (last.kind() != TextBlock.Kind.HEADING && last.chars() >= MAX_TAIL_LABEL_CHARS) {
        break;
      }
      kept.remove(kept.size() - 1);
    }
  }

  /** Whether a block reads as a sentence: it ends as one does, in any of the scripts we see. */
  private static boolean isSentence(TextBlock block) {
    return SENTENCE_END.matcher(block.text()).find();
  }

  /** The byline the filter dropped from the text, if any; the author when metadata has none. */
  @Nullable String byline() {
    return byline;
  }

  private boolean isText(TextBlock block) {
    String text = block.text();
    if (block.kind() == TextBlock.Kind.CAPTION || block.chars() == 0) {
      return false;
    }
    if (block.linkDensity() > 0.5 || Boilerplate.isHeader(text)) {
      return false;
    }
    if (SOURCE_TAG.matcher(text).matches() || HASHTAGS.matcher(text).matches()) {
      return false;
    }
    if (text.length() <= MAX_BYLINE_CHARS && BYLINE.matcher(text).matches()) {
      if (byline == null) {
        byline = text;
      }
      return false;
    }
    return !isDateline(text);
  }

  private static boolean isDateline(String text) {
    if (text.length() > 60 || text.split("\\s+").length > MAX_DATELINE_WORDS) {
      return false;
    }
    return NUMERIC_DATE.matcher(dev.khabar.enrich.language.ArabicScript.asciiDigits(text)).find()
        || TextualDates.find(text) != null;
  }

  private static boolean inside(Element owner, Set<Element> roots) {
    int depth = 0;
    for (Element up = owner; up != null && depth < MAX_ROOT_DEPTH; up = up.parent(), depth++) {
      if (roots.contains(up)) {
        return true;
      }
    }
    return false;
  }
}
