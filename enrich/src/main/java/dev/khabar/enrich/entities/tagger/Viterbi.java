package dev.khabar.enrich.entities.tagger;

/** Best tag sequence under emission and transition scores, allowing only valid IOB2. */
final class Viterbi {

  private static final int T = Tags.COUNT;
  private static final boolean[][] ALLOWED = new boolean[T + 1][T];
  /**
   * The tags each tag may follow, in order: all for {@code O} and {@code B-}, two for {@code I-},
   * so the inner loop visits 53 pairs per token, not 81.
   */
  private static final int[][] PREVIOUS = new int[T][];

  static {
    for (int p = -1; p < T; p++) {
      for (int t = 0; t < T; t++) {
        ALLOWED[p + 1][t] = Tags.allowed(p, t);
      }
    }
    for (int t = 0; t < T; t++) {
      int[] previous = new int[T];
      int k = 0;
      for (int p = 0; p < T; p++) {
        if (ALLOWED[p + 1][t]) {
          previous[k++] = p;
        }
      }
      PREVIOUS[t] = java.util.Arrays.copyOf(previous, k);
    }
  }

  private Viterbi() {}

  /**
   * @param emission {@code emission[i * T + t]}: score of tag t at token i
   * @param transition {@code transition[(p + 1) * T + t]}: score of t after p, p = -1 at the start
   */
  static int[] decode(float[] emission, int n, float[] transition) {
    int[] tags = new int[n];
    if (n == 0) {
      return tags;
    }
    float[] score = new float[n * T];
    int[] back = new int[n * T];
    for (int t = 0; t < T; t++) {
      score[t] = ALLOWED[0][t] ? emission[t] + transition[t] : Float.NEGATIVE_INFINITY;
    }
    for (int i = 1; i < n; i++) {
      int previous = (i - 1) * T;
      for (int t = 0; t < T; t++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p : PREVIOUS[t]) {
          float s = score[previous + p] + transition[(p + 1) * T + t];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[i * T + t] = best + emission[i * T + t];
        back[i * T + t] = arg;
      }
    }
    int best = 0;
    for (int t = 1; t < T; t++) {
      if (score[(n - 1) * T + t] > score[(n - 1) * T + best]) {
        best = t;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      tags[i] = best;
      best = back[i * T + best];
    }
    return tags;
  }
}
