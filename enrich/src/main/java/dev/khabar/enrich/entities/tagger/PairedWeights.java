package dev.khabar.enrich.entities.tagger;

/**
 * The weights of both passes of a {@link DocumentTagger} in one compact table. Tagging is bound by
 * memory, not arithmetic: every (token, feature) reads a row of weights, and the hashed tables the
 * models are trained in are mostly zeros (a perceptron only moves the weights of features it got
 * wrong: about one slot in eight is used) and tens of megabytes large, so nearly every read
 * missed the caches. Here only the features with a weight keep a row, both passes' nine weights
 * side by side, found by rank in a bit set of used slots: the bit set stays in the core's cache,
 * a feature without weights costs no read at all, and one row serves both passes. The scores are
 * exactly those of the two models apart. Thread-safe (immutable).
 */
final class PairedWeights {

  private static final int T = Tags.COUNT;
  private static final int STRIDE = 2 * T;
  private static final int NONE = -1;

  /** Bit f set when feature f has a row. */
  private final long[] used;
  /** Rows before each 64-bit word of {@link #used}. */
  private final int[] rank;
  /** {@code [row * STRIDE + tag]}: first pass, then {@code [row * STRIDE + T + tag]}: second. */
  private final short[] rows;

  PairedWeights(TaggerModel first, TaggerModel second) {
    if (first.bits() != second.bits()) {
      throw new IllegalArgumentException("both passes must hash features alike");
    }
    short[] a = first.weights();
    short[] b = second.weights();
    int features = a.length / T;
    used = new long[(features + 63) >>> 6];
    rank = new int[used.length];
    int count = 0;
    for (int f = 0; f < features; f++) {
      if ((f & 63) == 0) {
        rank[f >>> 6] = count;
      }
      if (!zero(a, f) || !zero(b, f)) {
        used[f >>> 6] |= 1L << f;
        count++;
      }
    }
    rows = new short[count * STRIDE];
    for (int f = 0; f < features; f++) {
      int row = row(f);
      if (row != NONE) {
        System.arraycopy(a, f * T, rows, row, T);
        System.arraycopy(b, f * T, rows, row + T, T);
      }
    }
  }

  private static boolean zero(short[] weights, int feature) {
    for (int t = feature * T; t < (feature + 1) * T; t++) {
      if (weights[t] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Offset of feature {@code f}'s row in {@link #rows}, or {@link #NONE}. */
  private int row(int f) {
    long word = used[f >>> 6];
    long bit = 1L << f;
    if ((word & bit) == 0) {
      return NONE;
    }
    return (rank[f >>> 6] + Long.bitCount(word & (bit - 1))) * STRIDE;
  }

  /** Features with a row, of both passes together. */
  int size() {
    return rows.length / STRIDE;
  }

  /**
   * The first pass's emissions of {@code features}, and into {@code second} the second pass's
   * weights of the same features, to which {@link #addSecond} later adds those of the document
   * features.
   */
  float[] first(Features.Rows features, float[] second) {
    int[] offsets = offsets(features);
    float[] first = new float[features.size() * T];
    add(offsets, features.start(), 0, first);
    // The second sum reads the rows the first has just brought into the cache.
    add(offsets, features.start(), T, second);
    return first;
  }

  /** Adds the second pass's weights of {@code features} to {@code second}. */
  void addSecond(Features.Rows features, float[] second) {
    add(offsets(features), features.start(), T, second);
  }

  private int[] offsets(Features.Rows features) {
    int[] ids = features.ids();
    int end = features.start()[features.size()];
    int[] offsets = new int[end];
    for (int j = 0; j < end; j++) {
      offsets[j] = row(ids[j]);
    }
    return offsets;
  }

  private void add(int[] offsets, int[] start, int pass, float[] emission) {
    short[] w = rows;
    for (int i = 0; i < start.length - 1; i++) {
      // Nine named accumulators rather than an array: the JIT keeps them in registers.
      int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      for (int j = start[i]; j < start[i + 1]; j++) {
        int b = offsets[j];
        if (b == NONE) {
          continue;
        }
        b += pass;
        a0 += w[b];
        a1 += w[b + 1];
        a2 += w[b + 2];
        a3 += w[b + 3];
        a4 += w[b + 4];
        a5 += w[b + 5];
        a6 += w[b + 6];
        a7 += w[b + 7];
        a8 += w[b + 8];
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
