package dev.khabar.enrich.language;

/**
 * Folds the spelling variants of Arabic-script text (Arabic, Persian, Urdu) so that two spellings
 * of one phrase compare equal: «إقرأ أيضاً» and «اقرا ايضا», «الأكثر قراءة» and «الاكثر قراءه».
 * Only for matching; the folded text is never shown. Stateless and thread-safe.
 */
public final class ArabicScript {
  private ArabicScript() {}

  /**
   * Folds alef, hamza, yeh, kaf and teh-marbuta variants, drops diacritics, tatweel and
   * punctuation, turns Arabic-Indic and Persian digits into ASCII, lower-cases Latin letters and
   * collapses whitespace.
   */
  public static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char folded = foldChar(c);
      if (folded == 0) {
        continue;
      }
      if (folded == ' ') {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(folded);
    }
    return out.toString();
  }

  /** Replaces Arabic-Indic (٠–٩) and Persian (۰–۹) digits with ASCII digits, leaving the rest. */
  public static String asciiDigits(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char d = asciiDigit(c);
      if (d != c && out == null) {
        out = new StringBuilder(text);
      }
      if (out != null) {
        out.setCharAt(i, d);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether a code point belongs to the Arabic script blocks. */
  public static boolean isArabicScript(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
  }

  private static char asciiDigit(char c) {
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return (char) ('0' + (c - '\u06F0'));
    }
    return c;
  }

  /**
   * The one set of Arabic-script letter rules, shared by phrase matching ({@link #fold}) and the
   * entity recogniser's token matching ({@code entities.text.Normalizer}): alef, yeh, kaf and heh
   * variants (Arabic, Persian and Urdu forms) fold together, «ئ» and «ؤ» lose their hamza, and
   * diacritics, Quranic marks, tatweel and a lone hamza are dropped (0). Any other char is returned
   * as it is.
   */
  public static char foldLetter(char c) {
    switch (c) {
      case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
        return 'ا';
      case 'ى', 'ی', 'ئ', 'ې', 'ۍ', 'ے', 'ۓ':
        return 'ي';
      case 'ک':
        return 'ك';
      case 'ة', 'ۀ', 'ہ', 'ە', 'ۃ', 'ھ':
        return 'ه';
      case 'ؤ':
        return 'و';
      case 'ء', 'ـ':
        return 0;
      default:
        break;
    }
    if (c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c >= '\u06D6' && c <= '\u06ED') {
      return 0; // harakat, shadda, sukun, superscript alef, Quranic marks
    }
    return c;
  }

  /** The folded form of one char: 0 to drop it, ' ' for a word break. */
  private static char foldChar(char c) {
    if (c < 0x80) {
      // ASCII, most chars of most pages, as the general rules below fold it.
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        return c;
      }
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : ' ';
    }
    switch (c) {
      case '\u200C', '\u200D', '\u200E', '\u200F', '\u00AD', '\uFEFF':
        // Zero-width joiners and direction marks: Persian writes «می‌شود» with a ZWNJ, often
        // omitted.
        return c == '\u200C' ? ' ' : 0;
      default:
        break;
    }
    char letter = foldLetter(c);
    if (letter != c) {
      return letter;
    }
    char digit = asciiDigit(c);
    if (digit != c) {
      return digit;
    }
    if (Character.isLetterOrDigit(c)) {
      return Character.toLowerCase(c);
    }
    // Punctuation, symbols and spaces all separate words; «اقرأ أيضا:» folds like «اقرأ أيضا».
    return ' ';
  }
}
