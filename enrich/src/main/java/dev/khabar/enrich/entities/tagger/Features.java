package dev.khabar.enrich.entities.tagger;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Source;
import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import java.util.List;

/**
 * Turns a sentence into hashed feature ids, one row per token. Values are hashed straight from
 * character ranges into per-sentence int arrays, so tagging allocates per sentence, not per token:
 * word, normalised form, clitic-stripped stem, affixes, word shape, a ±2 window, gazetteer
 * membership (B/I position per source), word clusters and trigger words; for the second pass of a
 * {@link DocumentTagger}, also the first pass's {@link Evidence}. Thread-safe (immutable).
 */
public final class Features {

  /** Bumped whenever templates change, so a stale model is refused rather than misread. */
  public static final int VERSION = 5;

  /**
   * Most features one token can have: 54 of its own (with {@link #MAX_GRAMS} trigrams), 44 of
   * context and six name templates of up to two bits (B, I) per source.
   */
  private static final int MAX_PER_TOKEN = 54 + 44 + 6 * 2 * Source.values().length;

  /**
   * Letter trigrams of one stem, at most: a stem that long is a URL or a run of symbols, not a
   * word, and its trigrams say nothing more.
   */
  private static final int MAX_GRAMS = 32;

  /** Features {@link #document} adds per token. */
  private static final int DOCUMENT_FEATURES = 13;

  private final WordClusters clusters;
  private final int mask;

  public Features(WordClusters clusters, int bits) {
    this.clusters = clusters;
    this.mask = (1 << bits) - 1;
  }

  /**
   * Hashed feature ids of a sentence: token i has {@code ids[start[i] .. start[i + 1])}; with what
   * a {@link DocumentMemory} keeps of each token, so a second pass need not read the words again.
   *
   * @param words hash of each token's normalised form without proclitics
   * @param cues trigger category ({@link Triggers}) of each token
   * @param known per token, its word's code in the {@link KnownWords} given to {@link #extract}, or
   *     {@link KnownWords#NONE}; the features a known word decides alone ({@link #decidedAlone}),
   *     its own and those it gives its neighbours, are then left out of {@code ids}, and so is its
   *     raw form's when the token is spelled as the word is listed
   */
  public record Rows(int[] ids, int[] start, int[] words, int[] cues, int[] known) {
    public int size() {
      return start.length - 1;
    }
  }

  private static final int PAD = 0x5bd1e995;
  private static final int UNKNOWN = 0x27d4eb2d;

  /** Per-token values of a sentence, as parallel arrays. */
  private static final class Sent {
    final int n;
    final int[] raw;
    final int[] norm;
    final int[] stem;
    final int[] shape;
    final int[] gaz;
    final int[] prefix;
    final int[] suffix;
    final int[] stemPrefix;
    final int[] article;
    final int[] length;
    final int[] path;
    final int[] stemPath;
    final int[] trigger;
    final int[] gramStart;
    final int[] known;
    final int[] capital;
    final int[] runFrom;
    final int[] runTo;
    int[] grams;

    Sent(int n) {
      this.n = n;
      raw = new int[n];
      norm = new int[n];
      stem = new int[n];
      shape = new int[n];
      gaz = new int[n];
      prefix = new int[3 * n];
      suffix = new int[4 * n];
      stemPrefix = new int[2 * n];
      article = new int[n];
      length = new int[n];
      path = new int[n];
      stemPath = new int[n];
      trigger = new int[n];
      gramStart = new int[n + 1];
      known = new int[n];
      capital = new int[n];
      runFrom = new int[n];
      runTo = new int[n];
      grams = new int[8 * n];
    }
  }

  /** Features of {@code tokens} (raw texts) given the gazetteer names found in them. */
  public Rows extract(List<String> tokens, List<Gazetteer.Match> names) {
    return extract(tokens, names, KnownWords.EMPTY);
  }

  /**
   * The same, but without the features that a token's normalised form decides alone where that form
   * is one of the {@code known} words (see {@link Rows#known}): the caller adds their sums.
   */
  Rows extract(List<String> tokens, List<Gazetteer.Match> names, KnownWords known) {
    int n = tokens.size();
    Sent t = new Sent(n);
    for (int i = 0; i < n; i++) {
      describe(t, i, tokens.get(i), known);
    }
    runs(t, tokens);
    for (Gazetteer.Match m : names) {
      int bit = 2 * m.entry().source().ordinal();
      t.gaz[m.start()] |= 1 << bit;
      for (int i = m.start() + 1; i < m.end(); i++) {
        t.gaz[i] |= 1 << (bit + 1);
      }
    }
    int[] ids = new int[n * 64];
    int[] start = new int[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (ids.length - k < MAX_PER_TOKEN) {
        ids = java.util.Arrays.copyOf(ids, ids.length * 2);
      }
      start[i] = k;
      if (t.known[i] == KnownWords.NONE) {
        k = own(t, i, ids, k);
      }
      k = context(t, i, ids, k);
    }
    start[n] = k;
    return new Rows(ids, start, t.stem, t.trigger, t.known);
  }

  /**
   * What a normalised word decides alone, wherever it stands: the hashes of its stem, its cluster
   * path and trigger category, and its features: first its own (form, stem, affixes, letter
   * trigrams, clusters, trigger category), then the raw form's of a token spelled as the normalised
   * word itself, then those it gives a token as its neighbour at each offset of {@link #NEIGHBOURS}
   * (-1: the word just before the token), in that order.
   */
  record Decided(int stem, int path, int trigger, int[][] features) {}

  /** What {@code normalised}, its own normal form, decides alone. */
  Decided decidedAlone(String normalised) {
    Sent t = new Sent(1);
    describe(t, 0, normalised, KnownWords.EMPTY);
    int[] buf = new int[MAX_PER_TOKEN];
    int[][] features = new int[2 + NEIGHBOURS.length][];
    features[0] = java.util.Arrays.copyOf(buf, own(t, 0, buf, 0));
    features[1] = new int[] {f(Template.RAW, t.raw[0])};
    for (int r = 0; r < NEIGHBOURS.length; r++) {
      features[2 + r] = java.util.Arrays.copyOf(buf, neighbour(t, 0, NEIGHBOURS[r], buf, 0));
    }
    return new Decided(t.stem[0], t.path[0], t.trigger[0], features);
  }

  /** The features of token i that its normalised form alone decides. */
  private int own(Sent t, int i, int[] buf, int k) {
    int norm = t.norm[i];
    int stem = t.stem[i];
    buf[k++] = f(Template.BIAS, 0);
    buf[k++] = f(Template.WORD, norm);
    buf[k++] = f(Template.STEM, stem);
    for (int j = 0; j < 3; j++) {
      buf[k++] = f(Template.PREFIXES[j], t.prefix[3 * i + j]);
    }
    for (int j = 0; j < 4; j++) {
      buf[k++] = f(Template.SUFFIXES[j], t.suffix[4 * i + j]);
    }
    buf[k++] = f(Template.PROCLITICS, t.article[i]);
    buf[k++] = f(Template.LENGTH, t.length[i]);
    buf[k++] = f(Template.STEM_PREFIX_1, t.stemPrefix[2 * i]);
    buf[k++] = f(Template.STEM_PREFIX_2, t.stemPrefix[2 * i + 1]);
    int grams = Math.min(t.gramStart[i + 1] - t.gramStart[i], MAX_GRAMS);
    for (int g = t.gramStart[i]; g < t.gramStart[i] + grams; g++) {
      buf[k++] = f(Template.LETTER_TRIGRAM, t.grams[g]);
    }
    k = ownClusters(t, i, buf, k);
    buf[k++] = f(Template.TRIGGER, t.trigger[i]);
    return k;
  }

  /**
   * Where a token's neighbours stand, as offsets from it; each gives it features ({@link
   * #neighbour}).
   */
  static final int[] NEIGHBOURS = {-1, 1, -2, 2};

  /**
   * The features of token i that its raw form, position, neighbours and names decide; those a
   * neighbour gives it are left out when the neighbour's word is known (the caller adds them).
   */
  private int context(Sent t, int i, int[] buf, int k) {
    int n = t.n;
    int pn1 = i >= 1 ? t.norm[i - 1] : PAD;
    int nn1 = i + 1 < n ? t.norm[i + 1] : PAD;
    int ps1 = i >= 1 ? t.stem[i - 1] : PAD;
    int ns1 = i + 1 < n ? t.stem[i + 1] : PAD;
    int psh = i >= 1 ? t.shape[i - 1] : PAD;
    int nsh = i + 1 < n ? t.shape[i + 1] : PAD;
    int norm = t.norm[i];
    int stem = t.stem[i];
    int shape = t.shape[i];
    if (t.known[i] == KnownWords.NONE || !KnownWords.spelledAsListed(t.known[i])) {
      buf[k++] = f(Template.RAW, t.raw[i]);
    }
    for (int d : NEIGHBOURS) {
      int j = i + d;
      if (j < 0 || j >= n || t.known[j] == KnownWords.NONE) {
        k = neighbour(t, j, d, buf, k);
      }
    }
    buf[k++] = f(Template.PREVIOUS_AND_THIS_WORD, pn1, norm);
    buf[k++] = f(Template.THIS_AND_NEXT_WORD, norm, nn1);
    buf[k++] = f(Template.SHAPE, shape);
    buf[k++] = f(Template.PREVIOUS_AND_THIS_SHAPE, psh, shape);
    buf[k++] = f(Template.THIS_AND_NEXT_SHAPE, shape, nsh);
    buf[k++] = f(Template.SENTENCE_START_AND_SHAPE, i == 0 ? 1 : 0, shape);
    buf[k++] = f(Template.PREVIOUS_AND_THIS_STEM, ps1, stem);
    buf[k++] = f(Template.THIS_AND_NEXT_STEM, stem, ns1);
    int gaz = t.gaz[i];
    k = gazetteer(buf, k, Template.NAME, gaz);
    k = gazetteer(buf, k, Template.NAME_AND_CAPITAL, gaz, t.capital[i]);
    // A name list alone says little where names are also common words («عارف», «أسد»); with
    // the neighbouring word («وتابع عارف», «الرئيس عارف») it says much more.
    k = gazetteer(buf, k, Template.NAME_AND_PREVIOUS_WORD, gaz, pn1);
    k = gazetteer(buf, k, Template.NAME_AND_NEXT_WORD, gaz, nn1);
    k = gazetteer(buf, k, Template.PREVIOUS_NAME, i >= 1 ? t.gaz[i - 1] : 0);
    k = gazetteer(buf, k, Template.NEXT_NAME, i + 1 < n ? t.gaz[i + 1] : 0);
    k = contextClusters(t, i, buf, k);
    k = triggers(t, i, buf, k);
    k = run(t, i, buf, k);
    return k;
  }

  /**
   * Lower-case words that may stand inside a run of capitalised words: "Ministry of Foreign
   * Affairs", "Bank for International Settlements", "Leonardo da Vinci".
   */
  private static final java.util.Set<String> CONNECTORS =
      java.util.Set.of(
          "of", "the", "for", "and", "&", "de", "du", "des", "la", "le", "del", "da", "von", "van",
          "der", "den", "al", "el", "bin", "ibn", "on", "in", "y");

  /**
   * Marks runs of capitalised words, connectors inside them included ({@code runFrom}, {@code
   * runTo}: the run's first and end token, -1 outside a run of two or more). In a sentence written
   * in capitals a capital says nothing, and no run is marked.
   */
  private static void runs(Sent t, List<String> tokens) {
    int n = t.n;
    java.util.Arrays.fill(t.runFrom, -1);
    java.util.Arrays.fill(t.runTo, -1);
    int upper = 0;
    int cased = 0;
    for (String token : tokens) {
      if (token.length() > 1 && Character.isLetter(token.charAt(0)) && token.charAt(0) < 0x250) {
        cased++;
        if (token.equals(token.toUpperCase(java.util.Locale.ROOT))) {
          upper++;
        }
      }
    }
    if (cased > 2 && upper * 2 > cased) {
      return;
    }
    int i = 0;
    while (i < n) {
      if (t.capital[i] == 0) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n) {
        if (t.capital[end] == 1) {
          end++;
        } else if (end + 1 < n && t.capital[end + 1] == 1 && CONNECTORS.contains(tokens.get(end))) {
          end += 2;
        } else {
          break;
        }
      }
      if (end - i >= 2) {
        for (int j = i; j < end; j++) {
          t.runFrom[j] = i;
          t.runTo[j] = end;
        }
      }
      i = end;
    }
  }

  /** The features of token i's run of capitalised words, if it is in one. */
  private int run(Sent t, int i, int[] buf, int k) {
    int from = t.runFrom[i];
    if (from < 0) {
      return k;
    }
    int to = t.runTo[i];
    int position = i == from ? 1 : i == to - 1 ? 3 : 2;
    int length = Math.min(to - from, 4);
    buf[k++] = f(Template.RUN_POSITION, position * 8 + length);
    buf[k++] = f(Template.RUN_LAST_WORD, t.norm[to - 1], position);
    buf[k++] = f(Template.RUN_FIRST_WORD, t.norm[from], position);
    if (clusters.size() != 0) {
      buf[k++] = f(Template.RUN_LAST_CLUSTER, level(t.path[to - 1], 1), position);
      buf[k++] = f(Template.RUN_LAST_CLUSTER, level(t.path[to - 1], 2), position);
    }
    return k;
  }

  /**
   * The features that token j, or padding where the sentence has no token j, gives the token whose
   * neighbour at {@code offset} it is: its form and stem, its affixes (verbs of saying before a
   * name, «وتابع», «وأضاف», share prefixes, and so do the words after one), clusters and trigger
   * category. Only the word at j decides them.
   */
  private int neighbour(Sent t, int j, int offset, int[] buf, int k) {
    boolean present = j >= 0 && j < t.n;
    int path = present ? t.path[j] : -2;
    int trigger = present ? t.trigger[j] : PAD;
    switch (offset) {
      case -1, 1 -> {
        boolean before = offset < 0;
        buf[k++] =
            f(before ? Template.PREVIOUS_WORD : Template.NEXT_WORD, present ? t.norm[j] : PAD);
        buf[k++] =
            f(before ? Template.PREVIOUS_STEM : Template.NEXT_STEM, present ? t.stem[j] : PAD);
        if (present) {
          buf[k++] =
              f(before ? Template.PREVIOUS_PREFIX_2 : Template.NEXT_PREFIX_2, t.prefix[3 * j + 1]);
          buf[k++] =
              f(before ? Template.PREVIOUS_SUFFIX_2 : Template.NEXT_SUFFIX_2, t.suffix[4 * j + 1]);
        }
        if (clusters.size() != 0) {
          buf[k++] =
              f(
                  before ? Template.PREVIOUS_NAME_FORM : Template.NEXT_NAME_FORM,
                  present ? WordClusters.nameForm(path) : PAD);
          for (int l = 1; l < WordClusters.LEVELS; l++) {
            buf[k++] =
                f(before ? Template.PREVIOUS_CLUSTER : Template.NEXT_CLUSTER, level(path, l));
          }
        }
        buf[k++] = f(before ? Template.PREVIOUS_TRIGGER : Template.NEXT_TRIGGER, trigger);
      }
      case -2 -> {
        buf[k++] = f(Template.WORD_2_BEFORE, present ? t.norm[j] : PAD);
        buf[k++] = f(Template.TRIGGER_2_BEFORE, trigger);
      }
      case 2 -> buf[k++] = f(Template.WORD_2_AFTER, present ? t.norm[j] : PAD);
      default -> throw new IllegalArgumentException("no neighbour at offset " + offset);
    }
    return k;
  }

  /**
   * The second pass's features of a sentence: its first-pass features ({@code rows}, without
   * evidence) each followed by the document features of {@code evidence}.
   */
  public Rows withEvidence(Rows rows, Evidence evidence) {
    int n = rows.size();
    int[] ids = new int[rows.ids().length + n * DOCUMENT_FEATURES];
    int[] start = new int[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      start[i] = k;
      int from = rows.start()[i];
      int length = rows.start()[i + 1] - from;
      System.arraycopy(rows.ids(), from, ids, k, length);
      k = document(evidence, i, ids, k + length);
    }
    start[n] = k;
    return new Rows(ids, start, rows.words(), rows.cues(), rows.known());
  }

  /**
   * Only the document features that {@link #withEvidence} appends to each token of {@code rows}:
   * for a tagger that has already summed the second pass's weights of the first-pass features.
   */
  public Rows evidenceOnly(Rows rows, Evidence evidence) {
    int n = rows.size();
    int[] ids = new int[n * DOCUMENT_FEATURES];
    int[] start = new int[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      start[i] = k;
      k = document(evidence, i, ids, k);
    }
    start[n] = k;
    int[] none = new int[n];
    java.util.Arrays.fill(none, KnownWords.NONE);
    return new Rows(ids, start, rows.words(), rows.cues(), none);
  }

  /**
   * The first pass's tags here and around, and how the same word was tagged elsewhere in the
   * document, alone and with this token's and the neighbours' first-pass tags.
   */
  private int document(Evidence e, int i, int[] buf, int k) {
    int n = e.size();
    int[] tag = e.firstPass();
    int[] other = e.elsewhere();
    int prevTag = i >= 1 ? tag[i - 1] : PAD;
    int nextTag = i + 1 < n ? tag[i + 1] : PAD;
    buf[k++] = f(Template.ELSEWHERE, other[i]);
    buf[k++] = f(Template.FIRST_PASS_TAG, tag[i]);
    buf[k++] = f(Template.PREVIOUS_AND_THIS_FIRST_PASS_TAG, prevTag, tag[i]);
    buf[k++] = f(Template.THIS_AND_NEXT_FIRST_PASS_TAG, tag[i], nextTag);
    buf[k++] = f(Template.ELSEWHERE_AND_FIRST_PASS_TAG, other[i], tag[i]);
    buf[k++] = f(Template.PREVIOUS_ELSEWHERE, i >= 1 ? other[i - 1] : PAD);
    buf[k++] = f(Template.NEXT_ELSEWHERE, i + 1 < n ? other[i + 1] : PAD);
    buf[k++] = f(Template.ELSEWHERE_2_BEFORE, i >= 2 ? other[i - 2] : PAD);
    buf[k++] = f(Template.ELSEWHERE_2_AFTER, i + 2 < n ? other[i + 2] : PAD);
    buf[k++] = f(Template.PREVIOUS_AND_THIS_ELSEWHERE, i >= 1 ? other[i - 1] : PAD, other[i]);
    buf[k++] = f(Template.THIS_AND_NEXT_ELSEWHERE, other[i], i + 1 < n ? other[i + 1] : PAD);
    buf[k++] = f(Template.CUED_ELSEWHERE, e.cued()[i]);
    buf[k++] = f(Template.CUED_ELSEWHERE_AND_FIRST_PASS_TAG, e.cued()[i], tag[i]);
    return k;
  }

  private static final int PERSON_BITS =
      3 << (2 * Source.PERSON.ordinal()) | 3 << (2 * Source.GIVEN_NAME.ordinal());

  /**
   * Cluster paths at each level for the word and its stem: they carry what the unlabelled text
   * knows about words ANERcorp has seen rarely or never (Ratinov & Roth 2009).
   */
  private int ownClusters(Sent t, int i, int[] buf, int k) {
    if (clusters.size() == 0) {
      // No features rather than constant ones: a constant feature's weight only grows, and the
      // largest weight sets the quantisation step of all the others.
      return k;
    }
    int p = t.path[i];
    int sp = t.stemPath[i];
    if (p < 0 && sp < 0) {
      buf[k++] = f(Template.CLUSTER, UNKNOWN); // rare in the unlabelled text: often a name
    }
    for (int l = 0; l < WordClusters.LEVELS; l++) {
      if (p >= 0) {
        buf[k++] = f(Template.CLUSTER, WordClusters.cluster(p, l));
      }
      if (sp >= 0 && sp != p) {
        buf[k++] = f(Template.STEM_CLUSTER, WordClusters.cluster(sp, l));
      }
    }
    buf[k++] = f(Template.NAME_FORM, WordClusters.nameForm(p));
    return k;
  }

  /** The neighbours' coarse cluster paths with the word's, and the word's with its names. */
  private int contextClusters(Sent t, int i, int[] buf, int k) {
    if (clusters.size() == 0) {
      return k;
    }
    int n = t.n;
    int p = t.path[i];
    int pp = i >= 1 ? t.path[i - 1] : -2;
    int np = i + 1 < n ? t.path[i + 1] : -2;
    int nameForm = WordClusters.nameForm(p);
    buf[k++] = f(Template.NAME_FORM_AND_SHAPE, nameForm, t.shape[i]);
    buf[k++] = f(Template.NAME_FORM_AND_SENTENCE_START, nameForm, i == 0 ? 1 : 0);
    buf[k++] = f(Template.PREVIOUS_AND_THIS_CLUSTER, level(pp, 1), level(p, 1));
    buf[k++] = f(Template.THIS_AND_NEXT_CLUSTER, level(p, 1), level(np, 1));
    if (t.gaz[i] != 0) {
      buf[k++] = f(Template.CLUSTER_AND_NAMES, level(p, 2), t.gaz[i]);
    }
    return k;
  }

  private static int level(int path, int level) {
    return path == -2 ? PAD : path < 0 ? UNKNOWN : WordClusters.cluster(path, level);
  }

  /**
   * Trigger categories around the word ({@link Triggers}) with what the word itself looks like: a
   * title two words back covers «النائب الأول عارف» and "Secretary General Asad". The categories
   * alone are {@link #own} and {@link #neighbour} features.
   */
  private int triggers(Sent t, int i, int[] buf, int k) {
    int n = t.n;
    int prev = i >= 1 ? t.trigger[i - 1] : PAD;
    int prev2 = i >= 2 ? t.trigger[i - 2] : PAD;
    int next = i + 1 < n ? t.trigger[i + 1] : PAD;
    int person = t.gaz[i] & PERSON_BITS;
    buf[k++] = f(Template.PREVIOUS_TRIGGER_AND_PERSON_NAME, prev, person);
    buf[k++] = f(Template.TRIGGER_2_BEFORE_AND_PERSON_NAME, prev2, person);
    buf[k++] = f(Template.NEXT_TRIGGER_AND_PERSON_NAME, next, person);
    buf[k++] = f(Template.PREVIOUS_TRIGGER_AND_SHAPE, prev, t.shape[i]);
    buf[k++] = f(Template.PREVIOUS_TRIGGER_AND_CLUSTER, prev, level(t.path[i], 1));
    buf[k++] = f(Template.TRIGGERS_BEFORE_AND_PERSON_NAME, prev2 * 31 + prev, person);
    return k;
  }

  private int gazetteer(int[] buf, int k, Template template, int bits) {
    while (bits != 0) {
      int bit = Integer.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      buf[k++] = f(template, bit + 1);
    }
    return k;
  }

  private int gazetteer(int[] buf, int k, Template template, int bits, int context) {
    while (bits != 0) {
      int bit = Integer.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      buf[k++] = f(template, bit + 1, context);
    }
    return k;
  }

  /**
   * Fills token i's values from its raw text; for a known word, only those its context features
   * read: its own and neighbour features are summed ahead.
   */
  private void describe(Sent t, int i, String raw, KnownWords known) {
    String norm = Normalizer.normalize(raw);
    int len = norm.length();
    t.raw[i] = hash(raw, 0, raw.length());
    t.norm[i] = hash(norm, 0, len);
    t.shape[i] = shape(raw);
    t.capital[i] = Character.isUpperCase(raw.charAt(0)) ? 1 : 0;
    int id = known.id(norm, t.norm[i]);
    t.known[i] = id == KnownWords.NONE ? id : KnownWords.code(id, raw.equals(norm));
    if (id != KnownWords.NONE) {
      t.stem[i] = known.stem(id);
      t.path[i] = known.path(id);
      t.trigger[i] = known.trigger(id);
      t.gramStart[i + 1] = t.gramStart[i];
      return;
    }
    int p = Clitics.prefixLength(norm);
    t.stem[i] = p == 0 ? t.norm[i] : hash(norm, p, len);
    for (int j = 0; j < 3; j++) {
      t.prefix[3 * i + j] = len > j + 1 ? hash(norm, 0, j + 1) : -1;
    }
    for (int j = 0; j < 4; j++) {
      t.suffix[4 * i + j] = len > j + 1 ? hash(norm, len - j - 1, len) : -1;
    }
    for (int j = 0; j < 2; j++) {
      t.stemPrefix[2 * i + j] = len - p > j + 1 ? hash(norm, p, p + j + 1) : -1;
    }
    t.article[i] = (Clitics.hasArticle(norm) ? 2 : 0) + (p > 0 ? 1 : 0);
    t.length[i] = Math.min(len, 8);
    t.path[i] = clusters.path(t.norm[i]);
    t.stemPath[i] = p == 0 ? t.path[i] : clusters.path(t.stem[i]);
    boolean conjunction = len > 3 && (norm.charAt(0) == 'و' || norm.charAt(0) == 'ف');
    t.trigger[i] = Triggers.category(t.norm[i], conjunction ? hash(norm, 1, len) : 0);
    // Letter trigrams of the stem, padded at both ends: transliterated foreign names («فيرنر»)
    // have letter patterns of their own that affixes alone do not see.
    int stemLen = len - p;
    int g = t.gramStart[i];
    if (stemLen >= 3) {
      if (t.grams.length < g + stemLen) {
        t.grams = java.util.Arrays.copyOf(t.grams, Math.max(2 * t.grams.length, g + stemLen));
      }
      for (int j = 0; j < stemLen; j++) {
        int h = 0x811c9dc5;
        for (int c = j - 1; c <= j + 1; c++) {
          char ch = c < 0 ? '^' : c >= stemLen ? '$' : norm.charAt(p + c);
          h = (h ^ ch) * 0x01000193;
        }
        t.grams[g + j] = h;
      }
      g += stemLen;
    }
    t.gramStart[i + 1] = g;
  }

  /** Character classes with runs collapsed: "Tehran" → Xx, "U.S." → X.X., «طهران» → a. */
  static int shape(String raw) {
    int h = 0x811c9dc5;
    char last = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      char k;
      if (c < 0x80) {
        k =
            c >= 'A' && c <= 'Z'
                ? 'X'
                : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c;
      } else if (Normalizer.isArabicLetter(c)) {
        k = 'a';
      } else if (Character.isUpperCase(c)) {
        k = 'X';
      } else if (Character.isLowerCase(c)) {
        k = 'x';
      } else if (Character.isDigit(c)) {
        k = 'd';
      } else if (Character.isLetter(c)) {
        k = 'l';
      } else if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\u0640') {
        continue;
      } else {
        k = c;
      }
      if (k != last) {
        h = (h ^ k) * 0x01000193;
        last = k;
      }
    }
    return h;
  }

  /** FNV-1a of {@code s[from, to)}; also the key of {@link WordClusters} and {@link Triggers}. */
  public static int hash(String s, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return h;
  }

  /** The {@link WordClusters.Hasher} matching this class: the hash of a whole normalised word. */
  public static int hash(String normalised) {
    return hash(normalised, 0, normalised.length());
  }

  private int f(Template template, int value) {
    return mix((template.ordinal() + 1) * 0x9e3779b1 + value) & mask;
  }

  private int f(Template template, int a, int b) {
    return mix(mix((template.ordinal() + 1) * 0x9e3779b1 + a) + b) & mask;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
