package dev.khabar.enrich.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleAssemblerTest {

  @Test
  void foldsWhitespaceAsTheRegularExpressionAndTrimDid() {
    List<String> texts =
        List.of(
            "",
            " ",
            "one",
            "  one  two\t\tthree\n\nfour\r\n",
            "\u000B\fa\u000Bb\f",
            "\u0001 lead control and no-break\u00A0space stay \u0002",
            "\u0000\u0000",
            "قال  الوزير\n\nإن\u200C الاتفاق  ");
    for (String text : texts) {
      assertEquals(text.replaceAll("\\s+", " ").trim(), ArticleAssembler.foldWhitespace(text));
    }
  }

  @Test
  void givesTheSameHashToTheSameTextSpacedAndCasedOtherwise() {
    assertEquals(
        ArticleAssembler.contentHash("The Minister  spoke.\n\nThen he left."),
        ArticleAssembler.contentHash(" the minister spoke. then\the left.\n"));
    assertNotEquals(
        ArticleAssembler.contentHash("The minister spoke."),
        ArticleAssembler.contentHash("The minister spoke again."));
  }
}
