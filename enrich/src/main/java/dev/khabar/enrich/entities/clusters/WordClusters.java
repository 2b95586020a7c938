package dev.khabar.enrich.entities.clusters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Cluster paths of words, keyed by the hash of their normalised form so that a lookup at tagging
 * time allocates nothing. A path has {@link #LEVELS} levels, coarse to fine, like the prefixes of a
 * Brown-cluster bit string. Thread-safe (immutable).
 */
public final class WordClusters {

  /** Levels of a path; {@link #cluster} gives each as an id unique across levels. */
  public static final int LEVELS = 3;

  /**
   * Words kept as text, the most frequent first ({@link #frequentWords}): in news they make up
   * about four tokens in five.
   */
  public static final int FREQUENT_WORDS = 20_000;

  /** No clusters: every lookup misses. Used by a model without unlabelled text (Persian). */
  public static final WordClusters NONE = new WordClusters(new int[1], new int[1], 0, List.of());

  private final int[] keys;
  private final int[] paths;
  private final int size;
  private final List<String> frequent;

  private WordClusters(int[] keys, int[] paths, int size, List<String> frequent) {
    this.keys = keys;
    this.paths = paths;
    this.size = size;
    this.frequent = frequent;
  }

  /**
   * The packed path of the word with normalised-form hash {@code hash}, or -1 when the word is not
   * in the vocabulary. Pass it to {@link #cluster} for each level.
   */
  public int path(int hash) {
    if (size == 0) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      if (paths[i] == 0) {
        return -1;
      }
      if (keys[i] == hash) {
        return paths[i] - 1;
      }
    }
  }

  /** The cluster of a packed path at {@code level} (0 coarsest), distinct across levels. */
  public static int cluster(int path, int level) {
    int bits = 8 * (LEVELS - level - 1);
    return (((path & PATH_MASK) >>> bits) << 2) | level;
  }

  private static final int PATH_MASK = (1 << 8 * LEVELS) - 1;

  /** {@link #nameForm} of a word seen too rarely to tell. */
  public static final int NO_FORM = 0;

  /**
   * How often a word is written as names are, in five steps: 1 almost never, 2 rarely, 3 about as
   * often as not, 4 mostly, 5 almost always; {@link #NO_FORM} when seen fewer than three times
   * where its form tells. In a script with case: capitalised inside a sentence («the», «said» 1;
   * «Tehran», «Norton» 5), so that a capital at the start of a sentence or in a headline in
   * capitals still tells a name from a common word. In Arabic: its stem without the article «ال»,
   * which a given name almost never takes («محمد» 5) and common words more often («ودي» 4, «إلهام»
   * 3).
   */
  public static int nameForm(long seen, long asName) {
    if (seen < 3) {
      return NO_FORM;
    }
    double share = (double) asName / seen;
    return share < 0.05 ? 1 : share < 0.3 ? 2 : share < 0.7 ? 3 : share < 0.95 ? 4 : 5;
  }

  /** The {@link #nameForm} step of a packed path's word. */
  public static int nameForm(int path) {
    return path < 0 ? NO_FORM : path >>> 8 * LEVELS;
  }

  /** Packs per-level branch numbers (each below 256) into a path. */
  static int pack(int[] branches) {
    int p = 0;
    for (int b : branches) {
      p = (p << 8) | b;
    }
    return p;
  }

  public int size() {
    return size;
  }

  /**
   * The vocabulary's first {@link #FREQUENT_WORDS} normalised words, most frequent first, as the
   * file lists them.
   */
  public List<String> frequentWords() {
    return frequent;
  }

  /**
   * Reads a file written by {@code train-ner}: gzip, "#" comments, then lines of word, path and
   * optionally name-form step, tab-separated.
   */
  public static WordClusters read(InputStream in, Hasher hasher) throws IOException {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8),
            1 << 16);
    List<String> lines = r.lines().filter(l -> !l.startsWith("#")).toList();
    int capacity = Integer.highestOneBit(Math.max(2, lines.size()) * 2) * 2;
    int[] keys = new int[capacity];
    int[] paths = new int[capacity];
    int size = 0;
    for (String line : lines) {
      String[] columns = line.split("\t");
      String[] branches = columns[1].split("\\.");
      int[] b = new int[LEVELS];
      for (int l = 0; l < LEVELS; l++) {
        b[l] = Integer.parseInt(branches[l]);
      }
      int share = columns.length > 2 ? Integer.parseInt(columns[2]) : NO_FORM;
      int hash = hasher.hash(columns[0]);
      for (int i = spread(hash) & (capacity - 1); ; i = (i + 1) & (capacity - 1)) {
        if (paths[i] == 0) {
          keys[i] = hash;
          paths[i] = (share << 8 * LEVELS | pack(b)) + 1; // 0 marks an empty slot
          size++;
          break;
        }
        if (keys[i] == hash) {
          break; // a 32-bit collision: the more frequent word, listed first, keeps the slot
        }
      }
    }
    List<String> frequent =
        lines.stream()
            .limit(FREQUENT_WORDS)
            .map(line -> line.substring(0, line.indexOf('\t')))
            .toList();
    return new WordClusters(keys, paths, size, frequent);
  }

  /** Loads a classpath resource, or {@link #NONE} with a reason when it is missing. */
  public static WordClusters load(String resource, Hasher hasher) {
    try (InputStream in = WordClusters.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing cluster resource " + resource + ": run train-ner to build it");
      }
      return read(in, hasher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read clusters " + resource, e);
    }
  }

  /** The hash the tagger computes for a word's normalised form. */
  @FunctionalInterface
  public interface Hasher {
    int hash(String normalised);
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x45d9f3b;
  }
}
