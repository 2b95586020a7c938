package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

class MetaElementsTest {
  private static final String HTML =
      "<head><meta property=og:title content=A><meta name=DATE content=B><meta name=' date\t' content=C>"
          + "<meta NAME=Date Name=other content=D><meta property='og:title x' content=E><meta itemprop=date content=F>"
          + "</head><body><meta property=OG:Title content=G></body>";

  private static final List<String> SELECTORS =
      List.of(
          "meta[property=og:title]",
          "meta[name=date]",
          "meta[itemprop=date]",
          "meta[name=other]",
          "meta[name=none]");

  @Test
  void holdsEveryElementTheSelectorMatchesInDocumentOrder() {
    Parser preservingCase = Parser.htmlParser().settings(ParseSettings.preserveCase);
    for (Document doc : new Document[] {Jsoup.parse(HTML), Jsoup.parse(HTML, "", preservingCase)}) {
      List<Element> metas = doc.getElementsByTag("meta");
      MetaElements index = MetaElements.of(metas);
      for (String selector : SELECTORS) {
        Evaluator evaluator = QueryParser.parse(selector);
        List<Element> matched = metas.stream().filter(el -> el.is(evaluator)).toList();
        List<Element> found =
            index.candidates(selector).stream().filter(el -> el.is(evaluator)).toList();
        assertEquals(matched, found, selector);
      }
    }
  }

  @Test
  void narrowsTheSearchToElementsWithTheAttribute() {
    Document doc = Jsoup.parse(HTML);
    MetaElements index = MetaElements.of(doc.getElementsByTag("meta"));
    assertEquals(
        List.of("A", "G"),
        index.candidates("meta[property=og:title]").stream()
            .map(el -> el.attr("content"))
            .toList());
    assertEquals(
        List.of("B", "C", "D"),
        index.candidates("meta[name=date]").stream().map(el -> el.attr("content")).toList());
    assertEquals(List.of(), index.candidates("meta[name=none]"));
  }

  @Test
  void looksAtEveryElementForAnotherKindOfSelector() {
    Document doc = Jsoup.parse(HTML);
    List<Element> metas = doc.getElementsByTag("meta");
    assertEquals(metas, MetaElements.of(metas).candidates("meta[content]"));
  }
}
