package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.enrich.clean.ClassNames.Name;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ClassNamesTest {
  @Test
  void namesAShareBarAsBoilerplate() {
    assertEquals(Name.BOILERPLATE, ClassNames.name("share-bar"));
  }

  @Test
  void namesASidebarAsChrome() {
    assertEquals(Name.CHROME, ClassNames.name("col-md-4 sidebar"));
  }

  @Test
  void namesACommentListAsComments() {
    assertEquals(Name.COMMENTS, ClassNames.name("comment-list"));
  }

  @Test
  void commentsDecideBeforeALaterChromeToken() {
    assertEquals(Name.COMMENTS, ClassNames.name("sidebar comments"));
  }

  @Test
  void leavesLayoutNamesNeutral() {
    assertEquals(Name.NEUTRAL, ClassNames.name("row col-md-8"));
  }

  @Test
  void anArticleNameOutweighsEveryOtherToken() {
    assertEquals(Name.NEUTRAL, ClassNames.name("entry-content share-bar"));
  }

  @Test
  void aBoilerplateTokenBesideAnArticleWrapperIsAModifier() {
    assertEquals(Name.NEUTRAL, ClassNames.name("post share"));
  }

  @Test
  void stateAndTaxonomyTokensNameNothing() {
    assertEquals(Name.NEUTRAL, ClassNames.name("has-ads is-sidebar tag-social category-related"));
  }

  @Test
  void onlyThePartBeforeABemModifierNamesTheElement() {
    assertEquals(Name.NEUTRAL, ClassNames.name("section--ads"));
  }

  @Test
  void readsCompoundsWithTheSeparatorsDropped() {
    assertEquals(Name.BOILERPLATE, ClassNames.name("most_viewed-list"));
  }

  @Test
  void splitsCamelCaseAtALowerCaseLetterBeforeACapital() {
    assertEquals(
        "ad-Zone related-Posts-HTML", ClassNames.splitCamelCase("adZone relatedPostsHTML"));
  }

  @Test
  void readsAnElementByItsClassAndId() {
    Element el = Jsoup.parse("<div class=box id=newsletter>x</div>").selectFirst("div");
    assertEquals(Name.BOILERPLATE, ClassNames.of(el));
  }

  @Test
  void anElementWithoutClassOrIdIsNeutral() {
    assertEquals(Name.NEUTRAL, ClassNames.of(Jsoup.parse("<p>x</p>").selectFirst("p")));
  }
}
