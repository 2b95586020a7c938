package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.text.Token;
import java.util.ArrayList;
import java.util.List;

/** Splits a token list into sentences for tagging. Thread-safe (stateless). */
final class Sentences {

  /** Longer runs are cut: the tagger only looks two tokens ahead, and Viterbi cost is linear. */
  private static final int MAX_TOKENS = 150;

  private Sentences() {}

  /** {@code [from, to)} token ranges: after «.», «!», «?», «؟», «…» and at line breaks. */
  static List<int[]> split(String text, List<Token> tokens) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i).text();
      boolean end =
          t.equals(".")
              || t.equals("!")
              || t.equals("?")
              || t.equals("؟")
              || t.equals("…")
              || i - from + 1 >= MAX_TOKENS;
      boolean lineBreak =
          i + 1 < tokens.size()
              && hasLineBreak(text, tokens.get(i).end(), tokens.get(i + 1).start());
      if (end || lineBreak || i == tokens.size() - 1) {
        out.add(new int[] {from, i + 1});
        from = i + 1;
      }
    }
    return out;
  }

  private static boolean hasLineBreak(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }
}
