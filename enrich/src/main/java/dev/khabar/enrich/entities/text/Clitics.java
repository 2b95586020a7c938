package dev.khabar.enrich.entities.text;

/**
 * Proclitics of Arabic words: the conjunctions «و ف», the prepositions «ب ل ك» and the article
 * «ال», alone or combined («وبطهران», «للمنظمة», «والقاهرة»). Works on normalised forms. Stripping
 * is a guess: «لبنان» and «بغداد» start with letters that look like clitics, so callers use the
 * stem as a matching key or a feature and keep the surface form too. Thread-safe (stateless).
 */
public final class Clitics {

  /** A stem keeps at least this many letters, so short words are left alone. */
  private static final int MIN_STEM = 2;

  private Clitics() {}

  /** How many leading characters of the normalised {@code word} are proclitics, 0 if none. */
  public static int prefixLength(String word) {
    int n = word.length();
    if (n == 0 || !Normalizer.isArabicLetter(word.charAt(0))) {
      return 0;
    }
    int i = 0;
    char c = word.charAt(i);
    if ((c == 'و' || c == 'ف') && n - 1 >= MIN_STEM + 1) {
      i++;
    }
    if (i + 1 < n && word.charAt(i) == 'ل' && word.charAt(i + 1) == 'ل' && n - i - 2 >= MIN_STEM) {
      return i + 2; // «لل» is «ل» + «ال» with the article's alef dropped
    }
    if (i < n
        && (word.charAt(i) == 'ب' || word.charAt(i) == 'ل' || word.charAt(i) == 'ك')
        && n - i - 1 >= MIN_STEM) {
      i++;
    }
    if (i + 1 < n && word.charAt(i) == 'ا' && word.charAt(i + 1) == 'ل' && n - i - 2 >= MIN_STEM) {
      i += 2;
    }
    return i;
  }

  /** The normalised {@code word} without its proclitics. */
  public static String stem(String word) {
    int p = prefixLength(word);
    return p == 0 ? word : word.substring(p);
  }

  /**
   * Whether the normalised {@code word} starts with the article «ال», possibly after «و ف ب ل ك».
   */
  public static boolean hasArticle(String word) {
    int p = prefixLength(word);
    return p >= 2 && (word.startsWith("ال", p - 2) || word.startsWith("لل", p - 2));
  }
}
