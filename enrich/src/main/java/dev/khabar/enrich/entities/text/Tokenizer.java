package dev.khabar.enrich.entities.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word and punctuation tokens, keeping character offsets. Letters, marks and
 * digits form words; every other non-space character is a token of its own, so the Arabic comma
 * «،», semicolon «؛» and question mark «؟» come off the words they touch. Thread-safe (stateless).
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** Tokens of {@code text} in order. */
  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (!isWordChar(c)) {
        tokens.add(new Token(text.substring(i, i + 1), i, i + 1));
        i++;
        continue;
      }
      int start = i;
      while (i < n) {
        char d = text.charAt(i);
        if (isWordChar(d)) {
          i++;
        } else if (isJoiner(d)
            && i + 1 < n
            && isWordChar(text.charAt(i + 1))
            && !isClitic(text, i, n)) {
          // "U.S", "3.5", "al-Assad", "O'Brien" stay whole; the English clitic "'s" does not.
          i++;
        } else {
          break;
        }
      }
      // "U.S." keeps its final period when the word is a dotted abbreviation.
      if (i < n && text.charAt(i) == '.' && i - start >= 3 && text.charAt(i - 2) == '.') {
        i++;
      }
      tokens.add(new Token(text.substring(start, i), start, i));
      if (i < n && isApostrophe(text.charAt(i)) && isClitic(text, i, n)) {
        int end = i + 2;
        tokens.add(new Token(text.substring(i, end), i, end));
        i = end;
      }
    }
    return tokens;
  }

  private static boolean isClitic(String text, int i, int n) {
    if (!isApostrophe(text.charAt(i)) || i + 1 >= n) {
      return false;
    }
    char s = text.charAt(i + 1);
    boolean endsAfter = i + 2 >= n || !isWordChar(text.charAt(i + 2));
    return (s == 's' || s == 'S') && endsAfter;
  }

  static boolean isWordChar(char c) {
    // ASCII and the Arabic letters first: most characters of news are one or the other, and
    // neither needs the Unicode tables below.
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if ((c >= '\u0621' && c <= '\u063a') || (c >= '\u0641' && c <= '\u064a')) {
      return true;
    }
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || c == '\u0640' // tatweel stretches a word, it does not end it
        || c == '\u200c'
        || c == '\u200d';
  }

  private static boolean isJoiner(char c) {
    return c == '.'
        || c == '-'
        || c == '\u2010'
        || c == '\u2011'
        || isApostrophe(c)
        || c == '&'
        || c == '@';
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean isSpace(char c) {
    if (c > ' ' && c < 0x7f) {
      return false;
    }
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200f'
        || c == '\u200e'
        || c == '\ufeff';
  }
}
