package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PageSurveyTest {
  private static final String HTML =
      "<body><h1 id=a>One</h1><article><h1 id=b>Two</h1></article><template><h1 id=c>Three</h1>"
          + "<article></article></template><nav><article><h1 id=d>Four</h1></article></nav>"
          + "<div hidden>x</div><script>var s;</script></body>";

  @Test
  void findsHeadlinesWhereTheWholePageHoldsThem() {
    Element body = Jsoup.parse(HTML).body();
    PageSurvey survey = PageSurvey.of(body);
    assertEquals(body.select("h1"), survey.headlines());
    assertEquals(
        List.of("a", "b", "c", "d"), survey.headlines().stream().map(Element::id).toList());
  }

  @Test
  void listsWhatPruningRemovesFirst() {
    Element body = Jsoup.parse(HTML).body();
    PageSurvey survey = PageSurvey.of(body);
    assertEquals(
        List.of("template", "script"), survey.junk().stream().map(Element::normalName).toList());
    assertEquals(List.of("nav"), survey.chrome().stream().map(Element::normalName).toList());
    assertEquals(1, survey.hidden().size());
  }

  @Test
  void countsArticlesOutsideJunkAsAnUpperBoundForThePrunedPage() {
    Element body = Jsoup.parse(HTML).body();
    PageSurvey survey = PageSurvey.of(body);
    assertEquals(2, survey.articles());
    DomPruner.prune(body, survey, true);
    assertTrue(body.getElementsByTag("article").size() <= survey.articles());
  }

  @Test
  void findsElementsHiddenByAttributeOrInlineStyle() {
    Element body =
        Jsoup.parse(
                "<p hidden>a</p><p aria-hidden=TRUE>b</p><p style='visibility : hidden'>c</p>"
                    + "<p style='color: red'>d</p>")
            .body();
    assertEquals(
        List.of("a", "b", "c"), PageSurvey.of(body).hidden().stream().map(Element::text).toList());
  }

  @Test
  void marksTheAncestorsOfAHeadlineAsHoldingTheArticle() {
    Element body = Jsoup.parse("<div id=wrap><h1>Title</h1></div><div id=side>x</div>").body();
    PageSurvey survey = PageSurvey.of(body);
    assertTrue(survey.holders().holdsArticle(body.selectFirst("#wrap")));
    assertFalse(survey.holders().holdsArticle(body.selectFirst("#side")));
  }
}
