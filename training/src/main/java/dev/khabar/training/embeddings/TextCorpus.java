package dev.khabar.training.embeddings;

import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import dev.khabar.enrich.entities.text.Token;
import dev.khabar.enrich.entities.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Unlabelled text as word ids: every {@code *.txt.gz} of some directories, one document or
 * paragraph per line, tokenised and normalised as the tagger does it. Words are numbered by
 * frequency, most frequent first (ties by spelling, so that the numbering does not depend on hash
 * order); {@code -1} separates lines, which share no context. Immutable.
 *
 * @param text the word id of each token, -1 between lines
 * @param words the words, most frequent first
 * @param counts how often each word occurs
 * @param formSeen per word, how often it occurs where its form tells a name from a common word: in
 *     a script with case, not at the start of a line or sentence; in Arabic, which has no case,
 *     every occurrence of its stem (the word without proclitics, {@link Clitics})
 * @param writtenAsName per word, how many of those occurrences are written as names are: starting
 *     with a capital; in Arabic, the stem without the article «ال», which names mostly go without
 *     («عارف», «طهران») and common words often take («الودي», «الجوار»)
 */
public record TextCorpus(
    int[] text, List<String> words, long[] counts, long[] formSeen, long[] writtenAsName) {

  /** Reads every {@code *.txt.gz} of {@code dirs}, in name order. */
  public static TextCorpus read(List<Path> dirs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      try (var s = Files.list(dir)) {
        files.addAll(
            s.filter(p -> p.getFileName().toString().endsWith(".txt.gz")).sorted().toList());
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no *.txt.gz files in " + dirs);
    }
    Map<String, Integer> ids = new HashMap<>();
    List<String> words = new ArrayList<>();
    IntList text = new IntList();
    LongList cased = new LongList();
    LongList capitalised = new LongList();
    Map<String, long[]> arabicStems = new HashMap<>();
    for (Path f : files) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(f), 1 << 16), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          boolean initial = true;
          for (Token t : Tokenizer.tokenize(line)) {
            String raw = t.text();
            String w = Normalizer.normalize(raw);
            Integer id = ids.get(w);
            if (id == null) {
              id = words.size();
              ids.put(w, id);
              words.add(w);
              cased.add(0);
              capitalised.add(0);
            }
            text.add(id);
            if (!w.isEmpty() && Normalizer.isArabicLetter(w.charAt(0))) {
              long[] stem = arabicStems.computeIfAbsent(Clitics.stem(w), x -> new long[2]);
              stem[0]++;
              if (!Clitics.hasArticle(w)) {
                stem[1]++;
              }
            }
            char c = raw.charAt(0);
            if (!initial && Character.isUpperCase(c) != Character.isLowerCase(c)) {
              cased.increment(id);
              if (Character.isUpperCase(c)) {
                capitalised.increment(id);
              }
            }
            initial = SENTENCE_END.indexOf(c) >= 0 && raw.length() == 1;
          }
          text.add(-1);
        }
      }
    }
    int[] raw = text.toArray();
    long[] count = new long[words.size()];
    for (int id : raw) {
      if (id >= 0) {
        count[id]++;
      }
    }
    int[] byFrequency =
        IntStream.range(0, words.size())
            .boxed()
            .sorted(
                (a, b) ->
                    count[a] != count[b]
                        ? Long.compare(count[b], count[a])
                        : words.get(a).compareTo(words.get(b)))
            .mapToInt(Integer::intValue)
            .toArray();
    int[] rank = new int[words.size()];
    List<String> ranked = new ArrayList<>(words.size());
    long[] counts = new long[words.size()];
    long[] casedByRank = new long[words.size()];
    long[] capitalisedByRank = new long[words.size()];
    for (int r = 0; r < byFrequency.length; r++) {
      rank[byFrequency[r]] = r;
      ranked.add(words.get(byFrequency[r]));
      counts[r] = count[byFrequency[r]];
      String w = words.get(byFrequency[r]);
      long[] stem =
          !w.isEmpty() && Normalizer.isArabicLetter(w.charAt(0))
              ? arabicStems.get(Clitics.stem(w))
              : null;
      casedByRank[r] = stem != null ? stem[0] : cased.get(byFrequency[r]);
      capitalisedByRank[r] = stem != null ? stem[1] : capitalised.get(byFrequency[r]);
    }
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] >= 0) {
        raw[i] = rank[raw[i]];
      }
    }
    return new TextCorpus(raw, List.copyOf(ranked), counts, casedByRank, capitalisedByRank);
  }

  /** Tokens after which a capital says nothing: the end of a sentence or an opening quote. */
  private static final String SENTENCE_END = ".!?:;\"“«'‘-–—(";

  /** Tokens, not counting line breaks. */
  public long tokens() {
    return Arrays.stream(counts).sum();
  }

  /** The number of words that occur at least {@code minCount} times, at most {@code max}. */
  public int vocabulary(int minCount, int max) {
    int v = 0;
    while (v < Math.min(max, counts.length) && counts[v] >= minCount) {
      v++;
    }
    return v;
  }

  /** Per-word counters that grow with the vocabulary. */
  private static final class LongList {
    private long[] a = new long[1 << 16];
    private int n;

    void add(long x) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = x;
    }

    void increment(int i) {
      a[i]++;
    }

    long get(int i) {
      return a[i];
    }
  }

  /** A growable int array: the text as ids without boxing. */
  private static final class IntList {
    private int[] a = new int[1 << 20];
    private int n;

    void add(int x) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = x;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
