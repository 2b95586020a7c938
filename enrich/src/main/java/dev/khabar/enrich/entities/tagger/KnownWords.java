package dev.khabar.enrich.entities.tagger;

import dev.khabar.enrich.entities.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Frequent words with the weights of the features each decides alone ({@link
 * Features#decidedAlone}: its own, and those it gives each neighbour) summed once for both passes
 * of a {@link DocumentTagger}. A few thousand words make up most tokens of news, and these features
 * are some 40 of a token's 57, each a row read at random from tables far larger than the cache; for
 * known words tagging reads a few sums instead. The sums are exact (integers), so the scores are
 * those of reading every row. Thread-safe (immutable).
 */
final class KnownWords {

  /** The id of a word that is not known. */
  static final int NONE = -1;

  /** No words: every token's features are read row by row. */
  static final KnownWords EMPTY =
      new KnownWords(new int[1], new int[1], new String[0], new int[0], new int[0]);

  private static final int T = Tags.COUNT;
  private static final int STRIDE = 2 * T;
  private static final int[] NEIGHBOURS = Features.NEIGHBOURS;

  /**
   * Per word: its own sums, its raw form's, then those it gives a token as each of {@link
   * #NEIGHBOURS}, as {@link Features#decidedAlone} orders them. The first two sit side by side: a
   * token spelled as listed reads both.
   */
  private static final int WORD = (2 + NEIGHBOURS.length) * STRIDE;

  private static final int SPELLED = STRIDE;

  /** Open addressing by the hash of the normalised form; {@code slots[i] - 1} is a word's id. */
  private final int[] keys;

  private final int[] slots;
  private final String[] words;

  /**
   * {@code [id * WORD + part * STRIDE + tag]}: first pass, then {@code [... + T + tag]}: second;
   * part 0 the word's own features, part 1 its raw form's, part 2 + r those it gives as neighbour
   * {@code NEIGHBOURS[r]}.
   */
  private final int[] sums;

  /**
   * {@code [id * 3]}: the hash of the word's stem, then its cluster path, then its trigger
   * category.
   */
  private final int[] facts;

  private KnownWords(int[] keys, int[] slots, String[] words, int[] sums, int[] facts) {
    this.keys = keys;
    this.slots = slots;
    this.words = words;
    this.sums = sums;
    this.facts = facts;
  }

  /**
   * The {@code words} (normalised forms; others are skipped) with their sums under {@code weights},
   * for tokens whose features {@code features} extracts.
   */
  static KnownWords of(List<String> words, Features features, PairedWeights weights) {
    List<String> kept = new ArrayList<>(words.size());
    int capacity = Integer.highestOneBit(Math.max(2, words.size()) * 2) * 2;
    int[] keys = new int[capacity];
    int[] slots = new int[capacity];
    for (String word : words) {
      if (word.isEmpty() || !Normalizer.normalize(word).equals(word)) {
        continue;
      }
      int hash = Features.hash(word);
      int i = spread(hash) & (capacity - 1);
      while (slots[i] != 0 && !(keys[i] == hash && kept.get(slots[i] - 1).equals(word))) {
        i = (i + 1) & (capacity - 1);
      }
      if (slots[i] == 0) {
        kept.add(word);
        keys[i] = hash;
        slots[i] = kept.size();
      }
    }
    int[] sums = new int[kept.size() * WORD];
    int[] facts = new int[kept.size() * 3];
    for (int id = 0; id < kept.size(); id++) {
      Features.Decided word = features.decidedAlone(kept.get(id));
      for (int part = 0; part < word.features().length; part++) {
        weights.sum(word.features()[part], sums, id * WORD + part * STRIDE);
      }
      facts[3 * id] = word.stem();
      facts[3 * id + 1] = word.path();
      facts[3 * id + 2] = word.trigger();
    }
    return new KnownWords(keys, slots, kept.toArray(String[]::new), sums, facts);
  }

  /** Known words. */
  int size() {
    return words.length;
  }

  /**
   * The id of normalised form {@code norm} whose {@link Features#hash} is {@code hash}, or {@link
   * #NONE}.
   */
  int id(String norm, int hash) {
    int mask = keys.length - 1;
    for (int i = spread(hash) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == hash && words[slots[i] - 1].equals(norm)) {
        return slots[i] - 1;
      }
    }
    return NONE;
  }

  /**
   * A token's code ({@link Features.Rows#known}): the id of its word, and whether it is spelled as
   * the word is listed, so that its raw form is the normalised one and its feature is summed too.
   */
  static int code(int id, boolean spelledAsListed) {
    return id << 1 | (spelledAsListed ? 1 : 0);
  }

  static boolean spelledAsListed(int code) {
    return (code & 1) != 0;
  }

  /** The hash of known word {@code id}'s stem ({@link Features.Rows#words}). */
  int stem(int id) {
    return facts[3 * id];
  }

  /**
   * Known word {@code id}'s cluster path ({@link
   * dev.khabar.enrich.entities.clusters.WordClusters#path}).
   */
  int path(int id) {
    return facts[3 * id + 1];
  }

  /** Known word {@code id}'s trigger category ({@link Triggers}). */
  int trigger(int id) {
    return facts[3 * id + 2];
  }

  /**
   * Adds to {@code first} and {@code second} ({@code [i * T + tag]}) the sums of each token i whose
   * word is known ({@code known[i]}, a {@link #code}) and of each known word around it.
   */
  void add(int[] known, float[] first, float[] second) {
    int n = known.length;
    for (int i = 0; i < n; i++) {
      if (known[i] != NONE) {
        int word = (known[i] >>> 1) * WORD;
        add(word, i, first, second);
        if (spelledAsListed(known[i])) {
          add(word + SPELLED, i, first, second);
        }
      }
      for (int r = 0; r < NEIGHBOURS.length; r++) {
        int j = i + NEIGHBOURS[r];
        if (j >= 0 && j < n && known[j] != NONE) {
          add((known[j] >>> 1) * WORD + (2 + r) * STRIDE, i, first, second);
        }
      }
    }
  }

  private void add(int s, int i, float[] first, float[] second) {
    int o = i * T;
    for (int t = 0; t < T; t++) {
      first[o + t] += sums[s + t];
      second[o + t] += sums[s + T + t];
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x45d9f3b;
  }
}
