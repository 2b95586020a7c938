package dev.khabar.enrich.entities.tagger;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import java.util.List;

/**
 * Turns a sentence into hashed feature ids, one array per token. Values are hashed straight from
 * character ranges so that tagging allocates little: word, normalised form, clitic-stripped stem,
 * affixes, word shape, a ±2 window, and gazetteer membership (B/I position per source).
 * Thread-safe (immutable).
 */
public final class Features {

  /** Bumped whenever templates change, so a stale model is refused rather than misread. */
  public static final int VERSION = 2;

  private final Gazetteer gazetteer;
  private final int mask;

  public Features(Gazetteer gazetteer, int bits) {
    this.gazetteer = gazetteer;
    this.mask = (1 << bits) - 1;
  }

  /** Per-token values that the templates combine. */
  private static final class Tok {
    int raw;
    int norm;
    int stem;
    int shape;
    int gaz;
    final int[] prefix = new int[3];
    final int[] suffix = new int[4];
    final int[] stemPrefix = new int[2];
    int article;
    int length;
    int[] grams = new int[0];
  }

  private static final int PAD = 0x5bd1e995;

  public int[][] extract(List<String> tokens) {
    return extract(tokens, new int[tokens.size()]);
  }

  /**
   * Like {@link #extract(List)}, also storing each token's gazetteer bits in {@code gazetteerBits}:
   * bit {@code 2 * source.ordinal()} when a name of that source starts at the token, the next bit
   * when the token continues one.
   */
  public int[][] extract(List<String> tokens, int[] gazetteerBits) {
    int n = tokens.size();
    Tok[] t = new Tok[n];
    for (int i = 0; i < n; i++) {
      t[i] = describe(tokens.get(i));
    }
    for (Gazetteer.Match m : gazetteer.findAll(tokens)) {
      int bit = 2 * m.entry().source().ordinal();
      t[m.start()].gaz |= 1 << bit;
      for (int i = m.start() + 1; i < m.end(); i++) {
        t[i].gaz |= 1 << (bit + 1);
      }
    }
    for (int i = 0; i < n; i++) {
      gazetteerBits[i] = t[i].gaz;
    }
    int[][] out = new int[n][];
    int[] buf = new int[96];
    for (int i = 0; i < n; i++) {
      int k = 0;
      Tok c = t[i];
      int pn2 = i >= 2 ? t[i - 2].norm : PAD;
      int pn1 = i >= 1 ? t[i - 1].norm : PAD;
      int nn1 = i + 1 < n ? t[i + 1].norm : PAD;
      int nn2 = i + 2 < n ? t[i + 2].norm : PAD;
      int ps1 = i >= 1 ? t[i - 1].stem : PAD;
      int ns1 = i + 1 < n ? t[i + 1].stem : PAD;
      int psh = i >= 1 ? t[i - 1].shape : PAD;
      int nsh = i + 1 < n ? t[i + 1].shape : PAD;
      buf[k++] = f(0, 0);
      buf[k++] = f(1, c.raw);
      buf[k++] = f(2, c.norm);
      buf[k++] = f(3, c.stem);
      buf[k++] = f(4, pn1);
      buf[k++] = f(5, nn1);
      buf[k++] = f(6, pn2);
      buf[k++] = f(7, nn2);
      buf[k++] = f(8, ps1);
      buf[k++] = f(9, ns1);
      buf[k++] = f(10, pn1, c.norm);
      buf[k++] = f(11, c.norm, nn1);
      for (int j = 0; j < 3; j++) {
        buf[k++] = f(12 + j, c.prefix[j]);
      }
      for (int j = 0; j < 4; j++) {
        buf[k++] = f(15 + j, c.suffix[j]);
      }
      buf[k++] = f(19, c.shape);
      buf[k++] = f(20, psh, c.shape);
      buf[k++] = f(21, c.shape, nsh);
      buf[k++] = f(22, c.article);
      buf[k++] = f(23, c.length);
      buf[k++] = f(24, c.stemPrefix[0]);
      buf[k++] = f(25, c.stemPrefix[1]);
      buf[k++] = f(26, i == 0 ? 1 : 0, c.shape);
      buf[k++] = f(27, ps1, c.stem);
      buf[k++] = f(28, c.stem, ns1);
      for (int g : c.grams) {
        if (k < buf.length - 40) {
          buf[k++] = f(32, g);
        }
      }
      k = gazetteer(buf, k, 29, c.gaz);
      // A name list alone says little where names are also common words («عارف», «أسد»); with
      // the neighbouring word («وتابع عارف», «الرئيس عارف») it says much more.
      if (i >= 1) {
        // Neighbours' affixes generalise over their words: verbs of saying before a name
        // («وتابع», «وأضاف») share prefixes, and so do the words after one.
        buf[k++] = f(35, t[i - 1].prefix[1]);
        buf[k++] = f(36, t[i - 1].suffix[1]);
      }
      if (i + 1 < n) {
        buf[k++] = f(37, t[i + 1].prefix[1]);
        buf[k++] = f(38, t[i + 1].suffix[1]);
      }
      k = gazetteer(buf, k, 33, c.gaz, pn1);
      k = gazetteer(buf, k, 34, c.gaz, nn1);
      k = gazetteer(buf, k, 30, i >= 1 ? t[i - 1].gaz : 0);
      k = gazetteer(buf, k, 31, i + 1 < n ? t[i + 1].gaz : 0);
      out[i] = java.util.Arrays.copyOf(buf, k);
    }
    return out;
  }

  private int gazetteer(int[] buf, int k, int template, int bits) {
    while (bits != 0) {
      int bit = Integer.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      buf[k++] = f(template, bit + 1);
    }
    return k;
  }

  private int gazetteer(int[] buf, int k, int template, int bits, int context) {
    while (bits != 0) {
      int bit = Integer.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      buf[k++] = f(template, bit + 1, context);
    }
    return k;
  }

  private static Tok describe(String raw) {
    Tok t = new Tok();
    String norm = Normalizer.normalize(raw);
    int p = Clitics.prefixLength(norm);
    int len = norm.length();
    t.raw = hash(raw, 0, raw.length());
    t.norm = hash(norm, 0, len);
    t.stem = hash(norm, p, len);
    for (int j = 0; j < 3; j++) {
      t.prefix[j] = len > j + 1 ? hash(norm, 0, j + 1) : -1;
    }
    for (int j = 0; j < 4; j++) {
      t.suffix[j] = len > j + 1 ? hash(norm, len - j - 1, len) : -1;
    }
    for (int j = 0; j < 2; j++) {
      t.stemPrefix[j] = len - p > j + 1 ? hash(norm, p, p + j + 1) : -1;
    }
    t.article = (Clitics.hasArticle(norm) ? 2 : 0) + (p > 0 ? 1 : 0);
    t.length = Math.min(len, 8);
    t.shape = shape(raw);
    // Letter trigrams of the stem, padded at both ends: transliterated foreign names («فيرنر»)
    // have letter patterns of their own that affixes alone do not see.
    int stemLen = len - p;
    if (stemLen >= 3) {
      t.grams = new int[stemLen];
      String padded = "^" + norm.substring(p) + "$";
      for (int j = 0; j < stemLen; j++) {
        t.grams[j] = hash(padded, j, j + 3);
      }
    }
    return t;
  }

  /** Character classes with runs collapsed: "Tehran" → Xx, "U.S." → X.X., «طهران» → a. */
  static int shape(String raw) {
    int h = 0x811c9dc5;
    char last = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      char k;
      if (Character.isUpperCase(c)) {
        k = 'X';
      } else if (Character.isLowerCase(c)) {
        k = 'x';
      } else if (Character.isDigit(c)) {
        k = 'd';
      } else if (Normalizer.isArabicLetter(c)) {
        k = 'a';
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

  static int hash(String s, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return h;
  }

  private int f(int template, int value) {
    return mix(template * 0x9e3779b1 + value) & mask;
  }

  private int f(int template, int a, int b) {
    return mix(mix(template * 0x9e3779b1 + a) + b) & mask;
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
