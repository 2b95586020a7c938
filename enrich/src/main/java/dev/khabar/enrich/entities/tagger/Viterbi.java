package dev.khabar.enrich.entities.tagger;

/** Best tag sequence under emission and transition scores, allowing only valid IOB2. */
public final class Viterbi {

  private static final int T = Tags.COUNT;
  private static final boolean[][] ALLOWED = new boolean[T + 1][T];

  static {
    for (int p = -1; p < T; p++) {
      for (int t = 0; t < T; t++) {
        ALLOWED[p + 1][t] = Tags.allowed(p, t);
        // The loop below visits, for I-X, only B-X and I-X: 53 pairs per token, not 81.
        boolean visited = t == Tags.O || Tags.isBegin(t) || p == t - 1 || p == t;
        if (p >= 0 && ALLOWED[p + 1][t] != visited) {
          throw new AssertionError("IOB2 transitions changed: " + p + " -> " + t);
        }
      }
    }
  }

  private Viterbi() {}

  /**
   * @param emission {@code emission[i * T + t]}: score of tag t at token i
   * @param transition {@code transition[(p + 1) * T + t]}: score of t after p, p = -1 at the start
   */
  public static int[] decode(float[] emission, int n, float[] transition) {
    int[] tags = new int[n];
    if (n == 0) {
      return tags;
    }
    float[] score = new float[n * T];
    int[] back = new int[n * T];
    for (int t = 0; t < T; t++) {
      score[t] = ALLOWED[0][t] ? emission[t] + transition[t] : Float.NEGATIVE_INFINITY;
    }
    // Transitions by tag, then previous tag, so each tag's loop reads them in a row.
    float[] into = new float[T * T];
    for (int t = 0; t < T; t++) {
      for (int p = 0; p < T; p++) {
        into[t * T + p] = transition[(p + 1) * T + t];
      }
    }
    for (int i = 1; i < n; i++) {
      int previous = (i - 1) * T;
      int current = i * T;
      for (int t = 0; t < T; t++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        if (t == Tags.O || Tags.isBegin(t)) {
          for (int p = 0; p < T; p++) {
            float s = score[previous + p] + into[t * T + p];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        } else {
          // I-X continues B-X or I-X: the tag before it, then itself.
          for (int p = t - 1; p <= t; p++) {
            float s = score[previous + p] + into[t * T + p];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        }
        score[current + t] = best + emission[current + t];
        back[current + t] = arg;
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
