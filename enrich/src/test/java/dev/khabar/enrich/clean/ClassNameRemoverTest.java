package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ClassNameRemoverTest {
  private static final String STORY =
      "The council approved the new budget on Tuesday after a long debate.";

  private static Element pruned(String html) {
    Element body = Jsoup.parse(html).body();
    PageSurvey survey = PageSurvey.of(body);
    ClassNameRemover.remove(body, survey.holders(), survey.text().total(), survey.text());
    return body;
  }

  @Test
  void removesElementsNamedAsBoilerplateOrComments() {
    Element body =
        pruned(
            "<p>"
                + STORY
                + "</p><div class=share-bar>Share</div><div id=comments>Nice</div>"
                + "<div class=row>Kept</div>");
    assertEquals(STORY + " Kept", body.text());
  }

  @Test
  void keepsAChromeNamedWrapperHoldingMostOfThePage() {
    Element body = pruned("<div class=sidebar-layout><p>" + STORY + "</p></div>");
    assertEquals(STORY, body.text());
  }

  @Test
  void removesAChromeNamedBoxHoldingLittleOfThePage() {
    Element body = pruned("<p>" + STORY + "</p><div class=sidebar>Links</div>");
    assertEquals(STORY, body.text());
  }

  @Test
  void keepsANamedElementThatHoldsTheHeadline() {
    Element body = pruned("<div class=promo><h1>Title</h1></div><p>" + STORY + "</p>");
    assertEquals("Title " + STORY, body.text());
  }

  @Test
  void countsTheLengthsOfWhatStays() {
    Element body = Jsoup.parse("<p>Kept</p><div class=related>Gone</div>").body();
    PageSurvey survey = PageSurvey.of(body);
    TextLengths lengths =
        ClassNameRemover.remove(body, survey.holders(), survey.text().total(), survey.text());
    assertEquals("Kept".length(), lengths.chars(0));
  }
}
