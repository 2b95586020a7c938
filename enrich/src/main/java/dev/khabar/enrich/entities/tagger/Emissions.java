package dev.khabar.enrich.entities.tagger;

/**
 * The summing loop of tagging: per token, the weights of each of its features, read from rows of
 * {@link Tags#COUNT} weights or more found through a {@link FeatureIndex}. Shared by {@link
 * TaggerModel} (one model's rows) and {@link PairedWeights} (two models' rows side by side).
 */
final class Emissions {

  private static final int T = Tags.COUNT;

  static {
    if (T != 9) {
      throw new AssertionError("add() unrolls exactly 9 tags, Tags.COUNT is " + T);
    }
  }

  private Emissions() {}

  /**
   * Where the rows of a sentence's features start, {@code row * stride}, token by token: token i
   * has {@code offsets[start[i] .. start[i + 1])}. Features without a row are left out, so the
   * summing loop has no test in it; looked up once when several models read the same rows.
   */
  record Found(int[] offsets, int[] start) {}

  static Found find(FeatureIndex index, int stride, Features.Rows features) {
    int[] ids = features.ids();
    int[] from = features.start();
    int n = features.size();
    int[] offsets = new int[from[n]];
    int[] start = new int[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      start[i] = k;
      for (int j = from[i]; j < from[i + 1]; j++) {
        int row = index.row(ids[j]);
        if (row != FeatureIndex.NONE) {
          offsets[k++] = row * stride;
        }
      }
    }
    start[n] = k;
    return new Found(offsets, start);
  }

  /**
   * Adds to {@code emission[i * T + tag]} the weights {@code weights[offset + pass + tag]} of each
   * row of token i.
   */
  static void add(short[] weights, Found rows, int pass, float[] emission) {
    int[] offsets = rows.offsets();
    int[] start = rows.start();
    for (int i = 0; i < start.length - 1; i++) {
      // Nine named accumulators rather than an array: the JIT keeps them in registers.
      int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      for (int j = start[i]; j < start[i + 1]; j++) {
        int b = offsets[j] + pass;
        a0 += weights[b];
        a1 += weights[b + 1];
        a2 += weights[b + 2];
        a3 += weights[b + 3];
        a4 += weights[b + 4];
        a5 += weights[b + 5];
        a6 += weights[b + 6];
        a7 += weights[b + 7];
        a8 += weights[b + 8];
      }
      // Sums of shorts stay far below 2^24, so floats hold them exactly and adding two partial
      // sums gives the same score as one sum over all features.
      int o = i * T;
      emission[o] += a0;
      emission[o + 1] += a1;
      emission[o + 2] += a2;
      emission[o + 3] += a3;
      emission[o + 4] += a4;
      emission[o + 5] += a5;
      emission[o + 6] += a6;
      emission[o + 7] += a7;
      emission[o + 8] += a8;
    }
  }
}
