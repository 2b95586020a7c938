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
   * Where each feature's row starts, {@code row * stride}, or {@link FeatureIndex#NONE}: looked up
   * once when several models read the same rows.
   */
  static int[] offsets(FeatureIndex index, int stride, Features.Rows features) {
    int[] ids = features.ids();
    int end = features.start()[features.size()];
    int[] offsets = new int[end];
    for (int j = 0; j < end; j++) {
      int row = index.row(ids[j]);
      offsets[j] = row == FeatureIndex.NONE ? FeatureIndex.NONE : row * stride;
    }
    return offsets;
  }

  /**
   * Adds to {@code emission[i * T + tag]} the weights {@code rows[offset + pass + tag]} of each
   * feature of token i, {@code offsets} from {@link #offsets}.
   */
  static void add(short[] rows, int[] offsets, int[] start, int pass, float[] emission) {
    for (int i = 0; i < start.length - 1; i++) {
      // Nine named accumulators rather than an array: the JIT keeps them in registers.
      int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      for (int j = start[i]; j < start[i + 1]; j++) {
        int b = offsets[j];
        if (b == FeatureIndex.NONE) {
          continue;
        }
        b += pass;
        a0 += rows[b];
        a1 += rows[b + 1];
        a2 += rows[b + 2];
        a3 += rows[b + 3];
        a4 += rows[b + 4];
        a5 += rows[b + 5];
        a6 += rows[b + 6];
        a7 += rows[b + 7];
        a8 += rows[b + 8];
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
