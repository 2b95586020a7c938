package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ArticleHoldersTest {
  @Test
  void recognisesEachKindOfMarker() {
    Element body =
        Jsoup.parse(
                "<h1>a</h1><article></article><main></main>"
                    + "<div itemprop=' articleBody '></div><div class=text></div>")
            .body();
    assertTrue(body.children().stream().limit(4).allMatch(ArticleHolders::isMarker));
    assertFalse(ArticleHolders.isMarker(body.child(4)));
  }

  @Test
  void aMarkedHeadlineMakesItsAncestorsHoldTheArticle() {
    Element body = Jsoup.parse("<div id=outer><div id=inner><h1>Title</h1></div></div>").body();
    ArticleHolders holders = new ArticleHolders();
    holders.mark(body.selectFirst("h1"));
    assertTrue(holders.holdsArticle(body.selectFirst("#outer")));
    assertTrue(holders.holdsArticle(body.selectFirst("#inner")));
  }

  @Test
  void anUnmarkedElementHoldsNoArticleEvenWithAMarkerInside() {
    Element body = Jsoup.parse("<div id=box><h1>Title</h1></div>").body();
    assertFalse(new ArticleHolders().holdsArticle(body.selectFirst("#box")));
  }

  @Test
  void aHolderWhoseMarkerWasRemovedHoldsNoLonger() {
    Element body = Jsoup.parse("<div id=box><h1>Title</h1><p>text</p></div>").body();
    ArticleHolders holders = new ArticleHolders();
    holders.mark(body.selectFirst("h1"));
    body.selectFirst("h1").remove();
    assertFalse(holders.holdsArticle(body.selectFirst("#box")));
  }

  @Test
  void anArticleTagHoldsTheArticleUnlessItsClassNamesBoilerplate() {
    Element body =
        Jsoup.parse("<article id=a class=story><p>x</p></article><article id=b class=related>")
            .body();
    ArticleHolders holders = new ArticleHolders();
    assertTrue(holders.holdsArticle(body.selectFirst("#a")));
    assertFalse(holders.holdsArticle(body.selectFirst("#b")));
  }
}
