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
      boolean end = t.equals(".") || t.equals("!") || t.equals("?") || t.equals("؟")
          || t.equals("…") || i - from + 1 >= MAX_TOKENS;
      boolean lineBreak = i + 1 < tokens.size()
          && text.substring(tokens.get(i).end(), tokens.get(i + 1).start()).indexOf('\n') >= 0;
      if (end || lineBreak || i == tokens.size() - 1) {
        out.add(new int[] {from, i + 1});
        from = i + 1;
      }
    }
    return out;
  }
}
