package dev.khabar.enrich.entities.text;

import dev.khabar.enrich.language.ArabicScript;

/**
 * Folds spelling variants together for matching only; the article text is never rewritten. Arabic
 * letters fold by the rules of {@link ArabicScript#foldLetter} (alef, yeh, kaf and heh variants,
 * hamza carriers; diacritics and tatweel dropped), Arabic-Indic digits become ASCII and Latin
 * letters are lower-cased. Unlike {@link ArabicScript#fold}, which compares whole phrases, this
 * folds one token: it keeps punctuation, drops a zero-width non-joiner instead of breaking the word
 * there, and maps every kept character to exactly one source character, so offsets can be mapped
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
    switch (c) {
      case '\u200c', '\u200d', '\u200e', '\u200f' -> {
        return 0;
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
    char letter = ArabicScript.foldLetter(c);
    if (letter != c) {
      return letter;
    }
    return Character.isUpperCase(c) ? Character.toLowerCase(c) : c;
  }

  /** Whether {@code c} is an Arabic-script letter. */
  public static boolean isArabicLetter(char c) {
    return c >= '\u0620' && c <= '\u064a' || c >= '\u066e' && c <= '\u06d3' || c == '\u06d5';
  }
}
