package dev.khabar.enrich.entities.text;

/**
 * Folds spelling variants together for matching only; the article text is never rewritten. Alef
 * variants «أإآٱ» become «ا», «ة» becomes «ه», «ى» becomes «ي», Persian «ی ک» become «ي ك»,
 * diacritics and tatweel are dropped, Arabic-Indic digits become ASCII and Latin letters are
 * lower-cased. Every kept character maps to exactly one source character, so offsets can be mapped
 * back with {@link #sourceIndices}. Thread-safe (stateless).
 */
public final class Normalizer {

  private Normalizer() {}

  /** The matching form of {@code s}. */
  public static String normalize(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = fold(c);
      if (b == null) {
        if (f == c) {
          continue;
        }
        b = new StringBuilder(s.length());
        b.append(s, 0, i);
      }
      if (f != 0) {
        b.append(f);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * For each character of {@code normalize(s)}, the index of the character of {@code s} it came
   * from.
   */
  public static int[] sourceIndices(String s) {
    int[] map = new int[s.length()];
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (fold(s.charAt(i)) != 0) {
        map[k++] = i;
      }
    }
    return java.util.Arrays.copyOf(map, k);
  }

  /** The folded character, or 0 when the character is dropped. */
  static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    if ((c >= '\u064b' && c <= '\u065f')
        || c == '\u0670'
        || c == '\u0640'
        || c == '\u200c'
        || c == '\u200d'
        || c == '\u200e'
        || c == '\u200f') {
      return 0;
    }
    switch (c) {
      case '\u0623', '\u0625', '\u0622', '\u0671' -> {
        return '\u0627';
      }
      case '\u0629' -> {
        return '\u0647';
      }
      case '\u0649', '\u06cc' -> {
        return '\u064a';
      }
      case '\u06a9' -> {
        return '\u0643';
      }
      case '\u2019' -> {
        return '\'';
      }
      default -> {}
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    if (c >= '\u06f0' && c <= '\u06f9') {
      return (char) ('0' + (c - '\u06f0'));
    }
    return Character.isUpperCase(c) ? Character.toLowerCase(c) : c;
  }

  /** Whether {@code c} is an Arabic-script letter. */
  public static boolean isArabicLetter(char c) {
    return c >= '\u0620' && c <= '\u064a' || c >= '\u066e' && c <= '\u06d3' || c == '\u06d5';
  }
}
