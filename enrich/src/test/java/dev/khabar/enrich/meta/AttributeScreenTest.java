package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

class AttributeScreenTest {
  private static final String SELECTOR =
      "[itemprop=author], .byline, .post-author, [class*=byline]";

  private static final AttributeScreen SCREEN =
      AttributeScreen.builder().key("itemprop").words("class", "byline", "author").build();

  private static final String HTML =
      "<div class=BYLINE>a</div><div class='x Post-Author'>b</div><span class=newsbyline>c</span>"
          + "<p itemprop=author>d</p><p itemprop=name>e</p><p class=lead>f</p><p id=byline>g</p><p>h</p>"
          + "<a href=# rel=author>i</a><div class='x y z' data-author=j>j</div>";

  @Test
  void letsThroughEverythingTheSelectorMatches() {
    for (Document doc :
        new Document[] {Jsoup.parse(HTML), Jsoup.parse(HTML, "", preservingCase())}) {
      Evaluator selector = QueryParser.parse(SELECTOR);
      int matched = 0;
      for (Element el : doc.getAllElements()) {
        if (selector.matches(doc, el)) {
          matched++;
          assertTrue(SCREEN.test(el), el.outerHtml());
        }
      }
      assertTrue(matched >= 4, "the sample page has matches");
    }
  }

  @Test
  void passesOverElementsWithoutTheAttributesOrWords() {
    Document doc = Jsoup.parse(HTML);
    // A class without the words, and the word in an attribute the screen does not look at.
    for (String selector : new String[] {"p.lead", "p#byline"}) {
      Element el = doc.selectFirst(selector);
      assertFalse(SCREEN.test(el), el.outerHtml());
    }
    assertFalse(SCREEN.test(doc.selectFirst("p:not([class]):not([id]):not([itemprop])")));
    assertFalse(SCREEN.test(doc.selectFirst("[data-author]")));
  }

  @Test
  void findsWordsAndKeysInAnyCase() {
    Document doc =
        Jsoup.parse(
            "<div CLASS='Top-BYLine'>x</div><div ItemProp=whatever>y</div>", "", preservingCase());
    for (Element el : doc.body().children()) {
      assertTrue(SCREEN.test(el), el.outerHtml());
    }
  }

  private static Parser preservingCase() {
    return Parser.htmlParser().settings(ParseSettings.preserveCase);
  }

  @Test
  void foldsWhatMatchesAnAsciiLetterInAnyCase() {
    assertEquals("post-author", AttributeScreen.fold("post-author"));
    assertEquals("top-byline", AttributeScreen.fold("Top-BYLine"));
    assertEquals(
        "byline writer kelvin ä",
        AttributeScreen.fold("BYL\u0130NE wr\u0131ter \u212Aelvin Ä".replace('Ä', 'ä')));
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      for (char letter = 'a'; letter <= 'z'; letter++) {
        boolean matches = String.valueOf(c).regionMatches(true, 0, String.valueOf(letter), 0, 1);
        assertEquals(
            matches,
            AttributeScreen.fold(String.valueOf(c)).equals(String.valueOf(letter)),
            "char " + (int) c);
      }
    }
  }
}
