package dev.khabar.enrich.entities.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void splitsArabicPunctuationAndKeepsOffsets() {
    assertEquals(
        List.of(
            new Token("طهران", 0, 5),
            new Token("،", 5, 6),
            new Token("إيكو", 7, 11),
            new Token("؟", 11, 12)),
        Tokenizer.tokenize("طهران، إيكو؟"));
  }

  @Test
  void splitsEnglishPossessive() {
    assertEquals(
        List.of("Iran", "'s", "U.S.", "role"),
        Tokenizer.tokenize("Iran's U.S. role").stream().map(Token::text).toList());
  }

  @Test
  void theShortcutsForAsciiAndArabicLettersAgreeWithUnicode() {
    for (char c = 0; c < 0x0800; c++) {
      int type = Character.getType(c);
      boolean unicode =
          Character.isLetterOrDigit(c)
              || type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK
              || c == '\u0640';
      assertEquals(unicode, Tokenizer.isWordChar(c), "U+" + Integer.toHexString(c));
    }
  }
}
