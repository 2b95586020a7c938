package dev.khabar.enrich.language;

import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The text as OpenNLP's language detector sees it after its normalisers (emoji, URLs and mail
 * addresses, hashtags and emoticons, numbers, repeated spaces and letters), character for character
 * the same.
 *
 * <p>Each of those normalisers is a chain of regular expressions run over the whole text, and on
 * article text almost all of them find nothing. So each step here first looks for what its
 * expressions need in order to match at all («http» or «@», a «#», a face, «rt», a laugh, three
 * equal letters) and runs OpenNLP's own normaliser only when that is there; hyphens, numbers and
 * runs of spaces, which articles always hold, are replaced by hand exactly as their expressions
 * would replace them.
 */
final class DetectorText {
  private DetectorText() {}

  static String normalize(String text) {
    String s = text;
    s = blankEmojiClass(s);
    if (s.contains("http") || s.indexOf('@') >= 0) {
      s = UrlCharSequenceNormalizer.getInstance().normalize(s).toString();
    }
    if (mayHoldTweetMarks(s)) {
      s = TwitterCharSequenceNormalizer.getInstance().normalize(s).toString();
    }
    s = blankDigits(s);
    s = collapseSpaces(s);
    // Shrink is «\s{2,}» → « », then «(.)\1{2,}» → «$1$1», then trim; the first is done above.
    return mayHoldRepeats(s)
        ? ShrinkCharSequenceNormalizer.getInstance().normalize(s).toString()
        : s.trim();
  }

  /**
   * The emoji step. Its class, written as the ranges D83C–DBFF and DC00–DFFF of escaped chars, is
   * read by the regex compiler with the escaped pair DBFF DC00 joined into one code point: the
   * range runs from U+D83C to U+10FC00, and the «-» after it is a literal. So each run of hyphens
   * and of chars from U+D83C up (presentation forms, full-width forms, all pairs) becomes one
   * space. Text without surrogates is done here char by char; text with any goes to the expression
   * itself.
   */
  private static String blankEmojiClass(String s) {
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        return EmojiCharSequenceNormalizer.getInstance().normalize(s).toString();
      }
      any |= inEmojiClass(c);
    }
    if (!any) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (inEmojiClass(s.charAt(i))) {
        out.append(' ');
        while (i + 1 < s.length() && inEmojiClass(s.charAt(i + 1))) {
          i++;
        }
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  private static boolean inEmojiClass(char c) {
    return c == '-' || c >= '\uD83C';
  }

  /**
   * Whether any of the tweet expressions could match: «[#@]\S+», «\b(rt[ :])+», «[:;x]-?[()dop]»
   * and the laugh «([hj])+([aieou])+(\1+\2+)+», all ASCII case-insensitive. Cheap tests that every
   * match passes; a text that passes is handed to the expressions themselves.
   */
  private static boolean mayHoldTweetMarks(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = lower(s.charAt(i));
      switch (c) {
        case '#', '@':
          return true;
        case 'r':
          if (i + 2 < n
              && lower(s.charAt(i + 1)) == 't'
              && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')) {
            return true;
          }
          break;
        case ':', ';', 'x':
          if (i + 1 < n
              && (isFaceMouth(s.charAt(i + 1))
                  || s.charAt(i + 1) == '-' && i + 2 < n && isFaceMouth(s.charAt(i + 2)))) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return mayLaugh(s);
  }

  private static boolean isFaceMouth(char c) {
    char l = lower(c);
    return l == '(' || l == ')' || l == 'd' || l == 'o' || l == 'p';
  }

  /**
   * Whether a run of [hj] and vowels holds h-or-j, vowel, h-or-j, vowel in that order: a laugh
   * («haha», «jeje») lies wholly inside such a run and needs those four.
   */
  private static boolean mayLaugh(String s) {
    int state = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = lower(s.charAt(i));
      boolean hj = c == 'h' || c == 'j';
      boolean vowel = c == 'a' || c == 'i' || c == 'e' || c == 'o' || c == 'u';
      if (!hj && !vowel) {
        state = 0;
      } else if (hj ? state % 2 == 0 : state % 2 == 1) {
        if (++state == 4) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether «(.)\1{2,}» (ASCII case-insensitive) could match: three equal chars, or any surrogate.
   */
  private static boolean mayHoldRepeats(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        return true;
      }
      if (i + 2 < s.length()
          && lower(s.charAt(i + 1)) == lower(c)
          && lower(s.charAt(i + 2)) == lower(c)) {
        return true;
      }
    }
    return false;
  }

  /** Each run of ASCII digits as one space, as «\d+» → « » does. */
  static String blankDigits(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Each run of two or more of « \t\n\x0B\f\r» as one space, as «\s{2,}» → « » does. */
  static String collapseSpaces(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c) && i + 1 < n && isSpace(s.charAt(i + 1))) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < n && isSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** The regex class {@code \s} without the Unicode flag. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** ASCII-only lower case, as case-insensitive expressions without the Unicode flag compare. */
  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
