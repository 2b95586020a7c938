package dev.khabar.training.embeddings;

/**
 * Word vectors by skip-gram with negative sampling (Mikolov et al. 2013, word2vec's SGNS): each
 * word learns to predict the words within a few positions of it against words drawn at random, so
 * that words used alike ("Tehran", "Baghdad") end up with close vectors. Frequent words are
 * subsampled, the window shrinks at random and the learning rate falls linearly, as in word2vec.
 * One thread and one seeded generator: the same text gives the same vectors to the last bit, which
 * a parallel (Hogwild) trainer cannot promise.
 */
public final class SkipGram {

  /** Settings; the defaults are word2vec's for skip-gram, but for fewer dimensions. */
  public record Settings(
      int dims, int window, int negatives, int epochs, double sample, float learningRate) {

    public static final Settings DEFAULT = new Settings(64, 5, 5, 3, 1e-4, 0.025f);
  }

  private static final int TABLE = 1 << 24;
  private static final int MAX_SENTENCE = 1000;
  private static final float MAX_EXP = 6;
  private static final int EXP_STEPS = 1000;

  private final Settings settings;
  private final long seed;
  private final float[] sigmoid = new float[EXP_STEPS + 1];

  public SkipGram(Settings settings, long seed) {
    this.settings = settings;
    this.seed = seed;
    for (int i = 0; i <= EXP_STEPS; i++) {
      double x = (2.0 * i / EXP_STEPS - 1) * MAX_EXP;
      sigmoid[i] = (float) (1 / (1 + Math.exp(-x)));
    }
  }

  /**
   * Vectors of the {@code v} most frequent words of {@code corpus}, unit length, {@code [word][d]}.
   */
  public float[][] train(TextCorpus corpus, int v) {
    int dims = settings.dims();
    long state = seed;
    float[] input = new float[v * dims];
    float[] output = new float[v * dims];
    for (int i = 0; i < input.length; i++) {
      state = next(state);
      input[i] = ((state >>> 40) / (float) (1 << 24) - 0.5f) / dims;
    }
    int[] table = unigramTable(corpus.counts(), v);
    long total = 0;
    for (int w = 0; w < v; w++) {
      total += corpus.counts()[w];
    }
    float[] keep = new float[v];
    double threshold = settings.sample() * total;
    for (int w = 0; w < v; w++) {
      double f = corpus.counts()[w];
      keep[w] = (float) Math.min(1, (Math.sqrt(f / threshold) + 1) * threshold / f);
    }
    int[] text = corpus.text();
    long work = (long) settings.epochs() * total;
    long done = 0;
    int[] sentence = new int[MAX_SENTENCE];
    float[] gradient = new float[dims];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      int i = 0;
      while (i < text.length) {
        int n = 0;
        for (; i < text.length && n < MAX_SENTENCE; i++) {
          int w = text[i];
          if (w < 0) {
            i++;
            break;
          }
          if (w >= v) {
            continue;
          }
          done++;
          state = next(state);
          if (keep[w] < 1 && keep[w] < (state >>> 40) / (float) (1 << 24)) {
            continue;
          }
          sentence[n++] = w;
        }
        float alpha =
            Math.max(
                settings.learningRate() * 1e-4f,
                settings.learningRate() * (1 - (float) done / (work + 1)));
        for (int p = 0; p < n; p++) {
          state = next(state);
          int shrink = (int) ((state >>> 33) % settings.window());
          int from = Math.max(0, p - settings.window() + shrink);
          int to = Math.min(n - 1, p + settings.window() - shrink);
          for (int c = from; c <= to; c++) {
            if (c != p) {
              state = pair(sentence[c], sentence[p], input, output, table, alpha, gradient, state);
            }
          }
        }
      }
    }
    float[][] vectors = new float[v][dims];
    for (int w = 0; w < v; w++) {
      System.arraycopy(input, w * dims, vectors[w], 0, dims);
      normalise(vectors[w]);
    }
    return vectors;
  }

  /**
   * One step for the word at {@code context} predicting {@code target} and {@code negatives} random
   * words; returns the generator's next state.
   */
  private long pair(
      int context,
      int target,
      float[] input,
      float[] output,
      int[] table,
      float alpha,
      float[] gradient,
      long state) {
    int dims = settings.dims();
    int l1 = context * dims;
    java.util.Arrays.fill(gradient, 0);
    for (int k = 0; k <= settings.negatives(); k++) {
      int word;
      float label;
      if (k == 0) {
        word = target;
        label = 1;
      } else {
        state = next(state);
        word = table[(int) ((state >>> 40) & (TABLE - 1))];
        if (word == target) {
          continue;
        }
        label = 0;
      }
      int l2 = word * dims;
      float f = dot(input, l1, output, l2, dims);
      float g;
      if (f > MAX_EXP) {
        g = (label - 1) * alpha;
      } else if (f < -MAX_EXP) {
        g = label * alpha;
      } else {
        g = (label - sigmoid[(int) ((f + MAX_EXP) * (EXP_STEPS / MAX_EXP / 2))]) * alpha;
      }
      for (int d = 0; d < dims; d++) {
        gradient[d] += g * output[l2 + d];
        output[l2 + d] += g * input[l1 + d];
      }
    }
    for (int d = 0; d < dims; d++) {
      input[l1 + d] += gradient[d];
    }
    return state;
  }

  /** Words in proportion to their count to the power 0.75, for drawing negatives. */
  private static int[] unigramTable(long[] counts, int v) {
    double total = 0;
    for (int w = 0; w < v; w++) {
      total += Math.pow(counts[w], 0.75);
    }
    int[] table = new int[TABLE];
    int w = 0;
    double cumulative = Math.pow(counts[0], 0.75) / total;
    for (int i = 0; i < TABLE; i++) {
      table[i] = w;
      if ((double) i / TABLE > cumulative && w < v - 1) {
        w++;
        cumulative += Math.pow(counts[w], 0.75) / total;
      }
    }
    return table;
  }

  private static float dot(float[] a, int i, float[] b, int j, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < n; d += 4) {
      s0 += a[i + d] * b[j + d];
      s1 += a[i + d + 1] * b[j + d + 1];
      s2 += a[i + d + 2] * b[j + d + 2];
      s3 += a[i + d + 3] * b[j + d + 3];
    }
    for (; d < n; d++) {
      s0 += a[i + d] * b[j + d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** A 64-bit linear congruential step (Knuth's MMIX constants); the high bits are used. */
  private static long next(long state) {
    return state * 6364136223846793005L + 1442695040888963407L;
  }

  static void normalise(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    if (s > 0) {
      float inv = (float) (1 / Math.sqrt(s));
      for (int d = 0; d < v.length; d++) {
        v[d] *= inv;
      }
    }
  }
}
