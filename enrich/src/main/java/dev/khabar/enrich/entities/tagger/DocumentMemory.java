package dev.khabar.enrich.entities.tagger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-pass tags of every word of a document, counted per clitic-stripped normalised form, so
 * «وبوتين» and «بوتين» count together, with the trigger words ({@link Triggers}) seen right before
 * each. Gives each token a code summarising how the other occurrences of its word were tagged and
 * which cues preceded them. Immutable after construction; thread-safe.
 */
public final class DocumentMemory {

  private static final int T = Tags.COUNT;

  /** Trigger categories counted before each word, after its tag counts. */
  private static final int CUES = 5;

  private final List<int[]> keys;
  private final List<int[]> cues;
  private final List<int[]> tags;
  private final Map<Integer, int[]> counts;

  /**
   * @param sentences first-pass features of each sentence of the document, in order
   * @param tags first-pass IOB2 tags of each sentence
   */
  public DocumentMemory(List<Features.Rows> sentences, List<int[]> tags) {
    this.keys = new ArrayList<>(sentences.size());
    this.cues = new ArrayList<>(sentences.size());
    this.tags = List.copyOf(tags);
    this.counts = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      int[] k = sentences.get(s).words();
      int[] trigger = sentences.get(s).cues();
      int[] cue = new int[k.length];
      int[] t = tags.get(s);
      for (int i = 0; i < k.length; i++) {
        cue[i] = i == 0 ? Triggers.NONE : trigger[i - 1];
        int[] c = counts.computeIfAbsent(k[i], x -> new int[T + CUES]);
        c[t[i]]++;
        c[T + cue[i]]++;
      }
      keys.add(k);
      cues.add(cue);
    }
  }

  /** The first-pass tags, elsewhere codes and cues of the tokens of sentence {@code s}. */
  public Evidence evidence(int s) {
    int[] k = keys.get(s);
    int[] t = tags.get(s);
    int[] cue = cues.get(s);
    int[] codes = new int[k.length];
    int[] cued = new int[k.length];
    for (int i = 0; i < k.length; i++) {
      int[] c = counts.get(k[i]);
      codes[i] = elsewhere(c, t[i]);
      for (int j = 1; j < CUES; j++) {
        if (c[T + j] > (cue[i] == j ? 1 : 0)) {
          cued[i] |= 1 << j;
        }
      }
    }
    return new Evidence(t.clone(), codes, cued);
  }

  /**
   * Code of the other occurrences of a word, given all its counts and the tag of this one: 0 when
   * there are none, else the most frequent entity tag among them (or O) with how many of them were
   * entities — none, under half, half or more, all — and whether there are several.
   */
  static int elsewhere(int[] count, int own) {
    int others = -1;
    int entities = own == Tags.O ? 0 : -1;
    int best = Tags.O;
    for (int t = 0; t < T; t++) {
      others += count[t];
      if (t != Tags.O) {
        entities += count[t];
        int c = count[t] - (t == own ? 1 : 0);
        if (c > 0 && (best == Tags.O || c > count[best] - (best == own ? 1 : 0))) {
          best = t;
        }
      }
    }
    if (others == 0) {
      return 0;
    }
    int share = entities == 0 ? 1 : 2 * entities < others ? 2 : entities < others ? 3 : 4;
    return (best << 4) | (share << 1) | (others > 1 ? 1 : 0);
  }
}
