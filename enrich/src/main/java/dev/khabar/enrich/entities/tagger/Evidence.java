package dev.khabar.enrich.entities.tagger;

/**
 * What a first pass over the whole document says about each token of one sentence: the tag the
 * first pass gave the token, and a summary of the tags it gave the same word elsewhere in the
 * document ({@link DocumentMemory}). The second pass reads both as features, so a name tagged where
 * its context is clear («الرئيس فلاديمير بوتين») is recognised where it is not («بوتين»).
 *
 * @param firstPass first-pass IOB2 tag of each token
 * @param elsewhere {@link DocumentMemory#elsewhere} code of each token, 0 when the word occurs
 *     nowhere else
 * @param cued bit set of the trigger categories ({@link Triggers}) seen right before the same word
 *     elsewhere in the document
 */
public record Evidence(int[] firstPass, int[] elsewhere, int[] cued) {

  public Evidence {
    int n = firstPass.length;
    if (elsewhere.length != n || cued.length != n) {
      throw new IllegalArgumentException("one first-pass tag and one code per token");
    }
  }

  public int size() {
    return firstPass.length;
  }
}
