package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HeadedBlockRemoverTest {
  private static final String STORY =
      "The council approved the new budget on Tuesday after a long debate that lasted well into"
          + " the night.";

  private static String prunedText(String html) {
    Element body = Jsoup.parse(html).body();
    HeadedBlockRemover.remove(body, TextLengths.of(body));
    return body.text();
  }

  @Test
  void removesALinkBoxABoilerplatePhraseHeads() {
    assertEquals(
        STORY,
        prunedText(
            "<p>"
                + STORY
                + "</p><div><h3>اقرأ أيضا</h3><ul><li><a href=/a>خبر أول</a></li>"
                + "<li><a href=/b>خبر ثان</a></li></ul></div>"));
  }

  @Test
  void removesTheLinkParagraphsAfterAHeaderStandingAmongParagraphs() {
    assertEquals(
        STORY + " " + STORY,
        prunedText(
            "<div><p>"
                + STORY
                + "</p><p>Related stories</p><p><a href=/a>Budget passes</a></p>"
                + "<p><a href=/b>Mayor speaks</a></p><p>"
                + STORY
                + "</p></div>"));
  }

  @Test
  void stopsClimbingAtAnAncestorWithOtherText() {
    assertEquals(STORY, prunedText("<div><h3>Most viewed</h3><p>" + STORY + "</p></div>"));
  }

  @Test
  void leavesAPhraseInsideASentence() {
    String text = "You can read more about the budget in the council's report.";
    assertEquals(text, prunedText("<p>" + text + "</p>"));
  }
}
