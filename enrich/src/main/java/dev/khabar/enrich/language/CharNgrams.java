package dev.khabar.enrich.language;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The context OpenNLP's language detector builds from a normalised text: its distinct lower-cased
 * character 1-, 2- and 3-grams, in the order the detector's two hash maps of {@code CharBuffer}s
 * hand them to the model. The model sums one weight per gram in that order, so the order is kept to
 * get the very same probabilities, to the last bit.
 *
 * <p>Built without those maps: grams are packed into longs and deduplicated in a flat table, and
 * the maps' order is computed. A {@code java.util.HashMap} yields its keys by bucket (the spread
 * {@code CharBuffer} hash masked by the table size) and, within a bucket, in insertion order, as
 * long as no bucket grows to nine keys (then it resizes early or becomes a tree); when that could
 * have happened, the answer is null and the caller asks the detector itself.
 */
final class CharNgrams {
  private static final int MAX_GRAM = 3;

  /** Keys in one bucket at which a HashMap resizes early or turns the bucket into a tree. */
  private static final int BUCKET_LIMIT = 9;

  private CharNgrams() {}

  static String @Nullable [] of(String normalized) {
    long[] grams = packed(normalized);
    if (grams == null) {
      return null;
    }
    String[] context = new String[grams.length];
    for (int k = 0; k < grams.length; k++) {
      context[k] = unpack(grams[k]);
    }
    return context;
  }

  /**
   * The same grams, each packed into a long as {@link #pack} packs it; null when {@link #of} is.
   */
  static long @Nullable [] packed(String normalized) {
    char[] text = lowerCase(normalized);
    int len = text.length;
    int capacity = Integer.highestOneBit(Math.max(16, MAX_GRAM * len * 2) - 1) << 1;
    long[] table = new long[capacity]; // 0 = empty: a packed gram always has its length bits set
    long[] grams = new long[MAX_GRAM * len];
    int count = 0;
    for (int n = 1; n <= MAX_GRAM; n++) {
      for (int i = 0; i + n - 1 < len; i++) {
        long key = pack(text, i, n);
        int slot = (int) mix(key) & (capacity - 1);
        while (table[slot] != 0 && table[slot] != key) {
          slot = (slot + 1) & (capacity - 1);
        }
        if (table[slot] == 0) {
          table[slot] = key;
          grams[count++] = key;
        }
      }
    }
    int[] spread = new int[count];
    for (int k = 0; k < count; k++) {
      int h = charBufferHash(grams[k]);
      spread[k] = h ^ (h >>> 16);
    }
    int[] firstSeen = new int[count];
    for (int k = 0; k < count; k++) {
      firstSeen[k] = k;
    }
    int mapCapacity = mapCapacity(spread, firstSeen);
    if (mapCapacity < 0) {
      return null;
    }
    int[] order = byBucket(spread, mapCapacity);
    // The second map is filled in the first one's order; it must not have tripped either.
    if (mapCapacity(spread, order) != mapCapacity) {
      return null;
    }
    long[] ordered = new long[count];
    for (int k = 0; k < count; k++) {
      ordered[k] = grams[order[k]];
    }
    return ordered;
  }

  /**
   * Lower case per code point, into an array as long as the text, as OpenNLP's {@code
   * StringUtil.toLowerCaseCharBuffer} fills its buffer.
   */
  private static char[] lowerCase(String s) {
    char[] out = new char[s.length()];
    int p = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      p += Character.toChars(Character.toLowerCase(cp), out, p);
    }
    return out;
  }

  /** A gram of one to three chars, packed; -1 for any other length. */
  static long pack(String gram) {
    return gram.isEmpty() || gram.length() > MAX_GRAM
        ? -1
        : pack(gram.toCharArray(), 0, gram.length());
  }

  /** Length in bits 48–49, chars in 16-bit fields from bit 32 down. */
  private static long pack(char[] text, int from, int n) {
    long key = (long) n << 48;
    for (int j = 0; j < n; j++) {
      key |= (long) text[from + j] << (32 - 16 * j);
    }
    return key;
  }

  private static String unpack(long key) {
    int n = (int) (key >>> 48);
    char[] chars = new char[n];
    for (int j = 0; j < n; j++) {
      chars[j] = (char) (key >>> (32 - 16 * j));
    }
    return new String(chars);
  }

  /**
   * {@code CharBuffer.hashCode}: 31-polynomial over the chars from last to first, seeded with 1.
   */
  private static int charBufferHash(long key) {
    int n = (int) (key >>> 48);
    int h = 1;
    for (int j = n - 1; j >= 0; j--) {
      h = 31 * h + (char) (key >>> (32 - 16 * j));
    }
    return h;
  }

  /** A spread of a packed gram's bits, for tables keyed by it. */
  static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /**
   * The table size a default HashMap ends with after taking the keys in this order (16, doubled
   * whenever it holds more than three quarters of it), or -1 when a bucket would reach {@link
   * #BUCKET_LIMIT} keys on the way.
   */
  private static int mapCapacity(int[] spread, int[] insertion) {
    int capacity = 16;
    int[] buckets = new int[capacity];
    for (int size = 0; size < insertion.length; ) {
      if (++buckets[spread[insertion[size]] & (capacity - 1)] >= BUCKET_LIMIT) {
        return -1;
      }
      size++;
      if (size > capacity / 4 * 3) {
        capacity <<= 1;
        buckets = new int[capacity];
        for (int k = 0; k < size; k++) {
          buckets[spread[insertion[k]] & (capacity - 1)]++;
        }
      }
    }
    return capacity;
  }

  /** Indexes of the keys by bucket, first seen first within one: a stable counting sort. */
  private static int[] byBucket(int[] spread, int capacity) {
    int[] starts = new int[capacity + 1];
    for (int h : spread) {
      starts[(h & (capacity - 1)) + 1]++;
    }
    for (int b = 0; b < capacity; b++) {
      starts[b + 1] += starts[b];
    }
    int[] order = new int[spread.length];
    int[] next = Arrays.copyOf(starts, capacity);
    for (int k = 0; k < spread.length; k++) {
      order[next[spread[k] & (capacity - 1)]++] = k;
    }
    return order;
  }
}
