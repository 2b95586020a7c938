package dev.khabar.training.clusters;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.training.embeddings.SkipGram;
import dev.khabar.training.embeddings.TextCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Learns hierarchical word clusters from unlabelled text, as a cheaper stand-in for Brown clusters
 * (Turian, Ratinov & Bengio 2010 found both help NER about equally). Each frequent word gets a
 * vector of positive PMI with its neighbours at offsets -2..+2, randomly projected to {@link #DIMS}
 * dimensions; spherical k-means then splits the vocabulary into {@code BRANCHES[0]} clusters, each
 * of those into {@code BRANCHES[1]}, and so on. Deterministic for a given seed, and about a minute
 * for nine million words on two cores.
 */
public final class Clusterer {

  /** Most frequent words that get a path; rarer ones fall back to their clitic-free stem. */
  static final int VOCABULARY = 100_000;

  static final int MIN_COUNT = 5;

  /** Most frequent words used as contexts, per offset. */
  static final int CONTEXTS = 1000;

  static final int[] OFFSETS = {-2, -1, 1, 2};
  static final int DIMS = 256;

  /** Branching per level: 16, then 16 × 16 = 256, then 256 × 8 = 2,048 leaves. */
  static final int[] BRANCHES = {16, 16, 8};

  static final int ITERATIONS = 15;

  private final long seed;

  public Clusterer(long seed) {
    this.seed = seed;
  }

  /** Where the word vectors that are clustered come from. */
  public enum Vectors {
    /** Positive PMI with the neighbours at -2..+2, randomly projected. */
    PPMI,
    /** Skip-gram with negative sampling ({@link SkipGram}). */
    SKIP_GRAM
  }

  /**
   * Reads every {@code *.txt.gz} of {@code dirs} (one document or paragraph per line) and writes
   * {@code out}, its first line {@code licence}: the clusters derive from the text.
   */
  public void learn(List<Path> dirs, Path out, String licence, Vectors source) throws IOException {
    TextCorpus corpus = TextCorpus.read(dirs);
    int v = corpus.vocabulary(MIN_COUNT, VOCABULARY);
    float[][] vectors =
        source == Vectors.PPMI
            ? vectors(corpus.text(), v)
            : new SkipGram(SkipGram.Settings.DEFAULT, seed).train(corpus, v);
    int[][] paths = new int[v][];
    split(vectors, IntStream.range(0, v).toArray(), 0, new int[0], paths);
    write(out, licence, corpus, v, paths, source);
  }

  /**
   * Positive-PMI context vectors of the {@code v} most frequent words, projected and normalised.
   */
  private float[][] vectors(int[] corpus, int v) {
    int dims = OFFSETS.length * CONTEXTS;
    LongList pairs = new LongList();
    for (int i = 0; i < corpus.length; i++) {
      int w = corpus[i];
      if (w < 0 || w >= v) {
        continue;
      }
      for (int o = 0; o < OFFSETS.length; o++) {
        int j = i + OFFSETS[o];
        if (j < 0 || j >= corpus.length || corpus[j] < 0 || !sameDocument(corpus, i, j)) {
          continue;
        }
        int c = corpus[j];
        if (c < CONTEXTS) {
          pairs.add((long) w * dims + o * CONTEXTS + c);
        }
      }
    }
    long[] p = pairs.toArray();
    Arrays.parallelSort(p);
    double[] wordTotal = new double[v];
    double[] contextTotal = new double[dims];
    for (long x : p) {
      wordTotal[(int) (x / dims)]++;
      contextTotal[(int) (x % dims)]++;
    }
    // Context counts raised to 0.75 (Levy, Goldberg & Dagan 2015) damp PMI's bias to rare contexts.
    double smoothedTotal = 0;
    for (int c = 0; c < dims; c++) {
      contextTotal[c] = Math.pow(contextTotal[c], 0.75);
      smoothedTotal += contextTotal[c];
    }
    float[] projection = new float[dims * DIMS];
    Random random = new Random(seed);
    for (int i = 0; i < projection.length; i++) {
      projection[i] = (float) random.nextGaussian();
    }
    float[][] vectors = new float[v][DIMS];
    for (int i = 0; i < p.length; ) {
      int j = i;
      while (j < p.length && p[j] == p[i]) {
        j++;
      }
      int w = (int) (p[i] / dims);
      int c = (int) (p[i] % dims);
      double pmi = Math.log((j - i) / wordTotal[w] / (contextTotal[c] / smoothedTotal));
      if (pmi > 0) {
        float[] vec = vectors[w];
        for (int d = 0; d < DIMS; d++) {
          vec[d] += (float) pmi * projection[c * DIMS + d];
        }
      }
      i = j;
    }
    for (float[] vec : vectors) {
      normalise(vec);
    }
    return vectors;
  }

  private static boolean sameDocument(int[] corpus, int i, int j) {
    for (int k = Math.min(i, j); k <= Math.max(i, j); k++) {
      if (corpus[k] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Splits {@code members} by k-means at {@code level} and recurses into each part. */
  private void split(float[][] vectors, int[] members, int level, int[] prefix, int[][] paths) {
    if (level == BRANCHES.length) {
      for (int m : members) {
        paths[m] = prefix;
      }
      return;
    }
    int k = Math.min(BRANCHES[level], members.length);
    int[] assignment = kMeans(vectors, members, k, seed * 31 + Arrays.hashCode(prefix));
    for (int c = 0; c < k; c++) {
      int part = c;
      int[] sub =
          IntStream.range(0, members.length)
              .filter(i -> assignment[i] == part)
              .map(i -> members[i])
              .toArray();
      int[] next = Arrays.copyOf(prefix, prefix.length + 1);
      next[prefix.length] = c;
      if (sub.length > 0) {
        split(vectors, sub, level + 1, next, paths);
      }
    }
  }

  /** Spherical k-means with k-means++ seeding; the cluster index of each member. */
  static int[] kMeans(float[][] vectors, int[] members, int k, long seed) {
    int n = members.length;
    int[] assignment = new int[n];
    if (k <= 1) {
      return assignment;
    }
    Random random = new Random(seed);
    float[][] centroids = new float[k][];
    centroids[0] = vectors[members[random.nextInt(n)]].clone();
    double[] distance = new double[n];
    Arrays.fill(distance, Double.MAX_VALUE);
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        distance[i] =
            Math.min(distance[i], Math.max(0, 1 - dot(vectors[members[i]], centroids[c - 1])));
        total += distance[i];
      }
      double target = random.nextDouble() * total;
      int pick = n - 1;
      for (int i = 0; i < n; i++) {
        target -= distance[i];
        if (target <= 0) {
          pick = i;
          break;
        }
      }
      centroids[c] = vectors[members[pick]].clone();
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      float[][] centres = centroids;
      int[] next =
          IntStream.range(0, n)
              .parallel()
              .map(i -> nearest(vectors[members[i]], centres))
              .toArray();
      boolean changed = !Arrays.equals(next, assignment);
      System.arraycopy(next, 0, assignment, 0, n);
      if (!changed && iteration > 0) {
        break;
      }
      float[][] sums = new float[k][vectors[0].length];
      for (int i = 0; i < n; i++) {
        float[] s = sums[assignment[i]];
        float[] x = vectors[members[i]];
        for (int d = 0; d < x.length; d++) {
          s[d] += x[d];
        }
      }
      for (int c = 0; c < k; c++) {
        if (normalise(sums[c])) {
          centroids[c] = sums[c]; // an emptied cluster keeps its old centre
        }
      }
    }
    return assignment;
  }

  private static int nearest(float[] x, float[][] centroids) {
    int best = 0;
    float bestDot = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      float d = dot(x, centroids[c]);
      if (d > bestDot) {
        bestDot = d;
        best = c;
      }
    }
    return best;
  }

  private static float dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    for (int d = 0; d < a.length; d += 4) {
      s0 += a[d] * b[d];
      s1 += a[d + 1] * b[d + 1];
      s2 += a[d + 2] * b[d + 2];
      s3 += a[d + 3] * b[d + 3];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Scales to unit length; false for a zero vector. */
  private static boolean normalise(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    if (s == 0) {
      return false;
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return true;
  }

  private static void write(
      Path out, String licence, TextCorpus corpus, int v, int[][] paths, Vectors source)
      throws IOException {
    try (OutputStream o = Files.newOutputStream(out);
        PrintWriter w =
            new PrintWriter(
                new java.io.OutputStreamWriter(
                    new GZIPOutputStream(o, 1 << 16), StandardCharsets.UTF_8))) {
      w.println("# " + licence);
      w.printf(
          "# %d most frequent normalised words of %d tokens (count >= %d); %s vectors; path ="
              + " branch per level (%s), coarse to fine; then how often the word is written as"
              + " names are: capitalised inside a sentence, or in Arabic its stem without the"
              + " article (WordClusters.nameForm)."
              + " Generated by train-ner. Do not edit.%n",
          v, corpus.tokens(), MIN_COUNT, source, Arrays.toString(BRANCHES));
      for (int r = 0; r < v; r++) {
        int[] p = paths[r];
        StringBuilder b = new StringBuilder(corpus.words().get(r)).append('\t');
        for (int l = 0; l < BRANCHES.length; l++) {
          b.append(l == 0 ? "" : ".").append(l < p.length ? p[l] : 0);
        }
        int share = WordClusters.nameForm(corpus.formSeen()[r], corpus.writtenAsName()[r]);
        if (share != WordClusters.NO_FORM) {
          b.append('\t').append(share);
        }
        w.println(b);
      }
    }
  }

  private static final class LongList {
    private long[] a = new long[1 << 20];
    private int n;

    void add(long x) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = x;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
