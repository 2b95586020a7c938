package dev.khabar.enrich.entities.tagger;

/**
 * Which hashed features have weights, and where their rows are: a bit set over the feature space
 * with the count of set bits before each 64-bit word, so a feature's row is a rank (one word read,
 * one bit count). A trained perceptron only moves the weights of features it got wrong, about one
 * slot in eight or fewer, so rows for the used slots alone are a fraction of a dense table, and the
 * bit set with its ranks (1 MB at 2^22 slots) stays mostly in the core's cache. Immutable.
 */
final class FeatureIndex {

  /** {@link #row} of a feature without weights. */
  static final int NONE = -1;

  private final int bits;
  private final long[] used;

  /**
   * Per 64-bit word of {@link #used}: the word, then the rows before it. Side by side, one lookup
   * reads one cache line, not one in the bit set and one in a separate array of ranks.
   */
  private final long[] wordsAndRanks;

  private final int size;

  /**
   * @param used bit f set when feature f has a row; kept, not copied
   */
  FeatureIndex(int bits, long[] used) {
    if (used.length != words(bits)) {
      throw new IllegalArgumentException(used.length + " words for " + bits + " bits");
    }
    this.bits = bits;
    this.used = used;
    this.wordsAndRanks = new long[2 * used.length];
    int count = 0;
    for (int w = 0; w < used.length; w++) {
      wordsAndRanks[2 * w] = used[w];
      wordsAndRanks[2 * w + 1] = count;
      count += Long.bitCount(used[w]);
    }
    this.size = count;
  }

  /** Words of a bit set over {@code 2^bits} features. */
  static int words(int bits) {
    return Math.max(1, (1 << bits) >>> 6);
  }

  /** The features of {@code a} or {@code b}. */
  static FeatureIndex union(FeatureIndex a, FeatureIndex b) {
    if (a.bits != b.bits) {
      throw new IllegalArgumentException("feature spaces differ: " + a.bits + " and " + b.bits);
    }
    long[] used = new long[a.used.length];
    for (int w = 0; w < used.length; w++) {
      used[w] = a.used[w] | b.used[w];
    }
    return new FeatureIndex(a.bits, used);
  }

  int bits() {
    return bits;
  }

  /** Features with a row. */
  int size() {
    return size;
  }

  /** The row of feature {@code f} (0 ≤ f < 2^bits), or {@link #NONE}. */
  int row(int f) {
    int w = (f >>> 6) << 1;
    long word = wordsAndRanks[w];
    long bit = 1L << f;
    return (word & bit) == 0 ? NONE : (int) wordsAndRanks[w + 1] + Long.bitCount(word & (bit - 1));
  }

  /** The bit set's words; callers must not change them. */
  long[] words() {
    return used;
  }
}
