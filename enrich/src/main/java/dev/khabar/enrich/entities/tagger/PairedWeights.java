package dev.khabar.enrich.entities.tagger;

/**
 * The weights of both passes of a {@link DocumentTagger} in one table, the second pass's nine next
 * to the first pass's nine for each feature either model weighs. Tagging is bound by memory, not
 * arithmetic: every (token, feature) reads a row, and both passes read the same first-pass
 * features, so one row read serves both. The scores are exactly those of the two models apart.
 * Thread-safe (immutable).
 */
final class PairedWeights {

  private static final int T = Tags.COUNT;
  private static final int STRIDE = 2 * T;

  private final FeatureIndex index;

  /** {@code [row * STRIDE + tag]}: first pass, then {@code [row * STRIDE + T + tag]}: second. */
  private final short[] rows;

  PairedWeights(TaggerModel first, TaggerModel second) {
    index = FeatureIndex.union(first.index(), second.index());
    rows = new short[index.size() * STRIDE];
    copy(first, 0);
    copy(second, T);
  }

  private void copy(TaggerModel model, int pass) {
    long[] words = model.index().words();
    short[] from = model.rows();
    for (int w = 0; w < words.length; w++) {
      for (long bits = words[w]; bits != 0; bits &= bits - 1) {
        int f = (w << 6) + Long.numberOfTrailingZeros(bits);
        System.arraycopy(from, model.index().row(f) * T, rows, index.row(f) * STRIDE + pass, T);
      }
    }
  }

  /** Features with a row, of both passes together. */
  int size() {
    return index.size();
  }

  /**
   * The first pass's emissions of {@code features}, and into {@code second} the second pass's
   * weights of the same features, to which {@link #addSecond} later adds those of the document
   * features.
   */
  float[] first(Features.Rows features, float[] second) {
    Emissions.Found found = Emissions.find(index, STRIDE, features);
    float[] first = new float[features.size() * T];
    Emissions.add(rows, found, 0, first);
    // The second sum reads the rows the first has just brought into the cache.
    Emissions.add(rows, found, T, second);
    return first;
  }

  /**
   * Sums the weights of features {@code ids} into {@code into[at .. at + 2 * Tags.COUNT)}, first
   * pass then second.
   */
  void sum(int[] ids, int[] into, int at) {
    for (int id : ids) {
      int row = index.row(id);
      if (row != FeatureIndex.NONE) {
        for (int t = 0; t < STRIDE; t++) {
          into[at + t] += rows[row * STRIDE + t];
        }
      }
    }
  }

  /** Adds the second pass's weights of {@code features} to {@code second}. */
  void addSecond(Features.Rows features, float[] second) {
    Emissions.add(rows, Emissions.find(index, STRIDE, features), T, second);
  }
}
