package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules on how a page is structured: names, invisible characters, tails, several articles. */
class StructureRulesTest {
  private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();

  private static final String P1 =
      "<p>The council approved the new budget on Tuesday, after a debate that lasted well into the night, "
          + "and the mayor said the money would go to schools, roads and the harbour.</p>";
  private static final String P2 =
      "<p>Opposition members argued that the plan leaves too little for housing, and they promised to bring "
          + "the question back when the council meets again in the spring.</p>";

  private static List<String> paragraphs(String bodyHtml) {
    return EXTRACTOR
        .extract("<html><body>" + bodyHtml + "</body></html>", "https://example.com/a")
        .paragraphs();
  }

  private static String text(String p) {
    return Jsoup.parse(p).text();
  }

  @Test
  void dropsSoftHyphensAndZeroWidthSpaces() {
    List<String> kept =
        paragraphs(
            "<div>"
                + P1
                + "<p>Die Wäh&shy;rung blieb sta\u200Bbil, sagte die Bank am Montag.</p>"
                + P2
                + "</div>");
    assertTrue(
        kept.contains("Die Währung blieb stabil, sagte die Bank am Montag."), kept.toString());
  }

  @Test
  void keepsZeroWidthNonJoinerOfPersian() {
    assertEquals("می\u200Cخواهم", BlockSegmenter.collapse("می\u200Cخواهم"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"adZone", "shareBar", "relatedPosts"})
  void readsCamelCaseNames(String name) {
    assertEquals(ClassNames.Name.BOILERPLATE, ClassNames.name(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "article-donation-CTA",
        "entry-crumbs",
        "mol-factbox",
        "readingTime",
        "infobox",
        "community-notice",
        "block-upsell",
        "wp-block-mmo-recirculation-box",
        "relatedlinks__content",
        "next-post-thumbnails"
      })
  void namesCallsToActionCrumbsAndSideBoxesAsBoilerplate(String name) {
    assertEquals(ClassNames.Name.BOILERPLATE, ClassNames.name(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imagedescription uk-text-center",
        "head__image-source",
        "image-subtitle",
        "photoCredit"
      })
  void namesPictureCaptionsAndCredits(String name) {
    assertEquals(ClassNames.Name.CHROME, ClassNames.name(name));
  }

  @Test
  void takesEverySectionOfABodySplitInSectionsWithOwnHeads() {
    String p3 =
        "<p>The harbour works will start in the summer, and the port authority expects the new quay to "
            + "open two years later, once the dredging is done.</p>";
    String html =
        "<div class=sections>"
            + "<div class=section><div class=row><div class=head><p>Budget approved after a long night</p></div>"
            + "<div class=split>"
            + P1
            + P2
            + "</div></div></div>"
            + "<div class=section><div class=row><div class=split>"
            + p3
            + "</div></div></div></div>"
            + "<div class=links><a href=/1>Home</a> <a href=/2>News</a> <a href=/3>Sport</a></div>";
    List<String> kept = paragraphs(html);
    assertTrue(kept.contains(text(P1)) && kept.contains(text(p3)), kept.toString());
  }

  @Test
  void namesGermanCommentsAndContactBoxes() {
    assertEquals(ClassNames.Name.COMMENTS, ClassNames.name("kommentarModul"));
    assertEquals(ClassNames.Name.CHROME, ClassNames.name("no-print contact"));
    assertEquals(ClassNames.Name.CHROME, ClassNames.name("legend"));
    assertEquals(ClassNames.Name.CHROME, ClassNames.name("nota_pie"));
  }

  @Test
  void keepsListOfFactsEndingTheTextButTrimsLabelList() {
    List<String> kept =
        paragraphs("<div>" + P1 + P2 + "<ul><li>390 kcal</li><li>12 g protein</li></ul></div>");
    assertTrue(kept.contains("390 kcal") && kept.contains("12 g protein"), kept.toString());
    List<String> labels =
        paragraphs("<div>" + P1 + P2 + "<ul><li>Politics</li><li>Arts</li></ul></div>");
    assertEquals(List.of(text(P1), text(P2)), labels);
  }

  @Test
  void dropsDateLineAboveTheTextButKeepsOneWithinIt() {
    List<String> kept =
        paragraphs(
            "<div><p>12.03.2020 14:05</p>"
                + P1
                + "<p>Termin: 29.02.2020, 19 Uhr</p>"
                + P2
                + "</div>");
    assertEquals(List.of(text(P1), "Termin: 29.02.2020, 19 Uhr", text(P2)), kept);
  }

  @Test
  void dropsKickerAboveTheTextButKeepsAHeading() {
    assertEquals(
        List.of(text(P1), text(P2)), paragraphs("<div><p>Politik</p>" + P1 + P2 + "</div>"));
    assertEquals(
        List.of("Budget", text(P1), text(P2)),
        paragraphs("<div><h2>Budget</h2>" + P1 + P2 + "</div>"));
  }

  @Test
  void pageBuilderTextWidgetIsNotChrome() {
    assertEquals(
        ClassNames.Name.NEUTRAL,
        ClassNames.name("elementor-element elementor-widget elementor-widget-text-editor"));
    assertEquals(
        ClassNames.Name.BOILERPLATE,
        ClassNames.name("elementor-widget elementor-widget-share-buttons"));
    assertEquals(ClassNames.Name.CHROME, ClassNames.name("widget widget_text"));
  }

  @Test
  void aPageWhoseNamesMisleadThePruningStillGivesItsText() {
    // A forum's first post, named like a comment: by names alone, nothing would be left.
    List<String> kept =
        paragraphs(
            "<nav><a href=\"/\">Forum</a></nav><div class=\"postCommentText\">"
                + P1
                + P2
                + "</div>");
    assertEquals(List.of(text(P1), text(P2)), kept);
  }

  @Test
  void namedBoilerplateIsStillRemovedWhenTheArticleSurvives() {
    List<String> kept =
        paragraphs(
            "<div>"
                + P1
                + P2
                + "</div><div class=\"commentList\">"
                + P2.replace("Opposition", "Reader")
                + "</div>");
    assertEquals(List.of(text(P1), text(P2)), kept);
  }

  @Test
  void camelCaseArticleNameStillProtects() {
    assertEquals(ClassNames.Name.NEUTRAL, ClassNames.name("articleBody shareBar"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "post-author",
        "author-box",
        "entry-disclaimer",
        "post-ratings",
        "toc_container",
        "image-copyright"
      })
  void namesAroundTheArticleAreNotArticle(String name) {
    assertTrue(ClassNames.name(name) != ClassNames.Name.NEUTRAL, name);
  }

  @Test
  void sectionAnchorsAreNotTablesOfContents() {
    assertEquals(ClassNames.Name.NEUTRAL, ClassNames.name("TOC_TITLE_2 content_body"));
  }

  @Test
  void dropsAuthorBoxAndDisclaimerInsideBody() {
    String bio =
        "<div class=post-author><p>Jane Doe has covered city politics for ten years and writes about budgets, "
            + "schools and the harbour for the paper.</p></div>";
    String disclaimer =
        "<p class=affiliate-disclaimer>This page contains affiliate links, and we may earn a commission "
            + "when you buy something through them.</p>";
    assertEquals(
        List.of(text(P1), text(P2)),
        paragraphs("<article>" + P1 + disclaimer + P2 + bio + "</article>"));
  }

  @Test
  void keepsRunOfShortLinesAfterASentence() {
    StringBuilder poem =
        new StringBuilder(
            "<div class=post-body><p>A song about the sea, sung by the harbour choir.</p>");
    String[] lines = {
      "the tide comes in",
      "the boats go out",
      "the gulls are loud",
      "the nets are full",
      "the lights are low",
      "the night is long",
      "the wind is cold",
      "the sea is home"
    };
    for (String line : lines) {
      poem.append(line).append("<br>");
    }
    poem.append("</div>");
    List<String> kept = paragraphs(poem.toString());
    assertEquals("the sea is home", kept.get(kept.size() - 1), kept.toString());
  }

  @Test
  void stillTrimsShortLabelAfterLongText() {
    assertEquals(
        List.of(text(P1), text(P2)), paragraphs("<div>" + P1 + P2 + "<p>More on this</p></div>"));
  }

  @Test
  void prefersTheArticleThatCarriesTheHeadline() {
    String other =
        "<p>In other news, the railway company announced a timetable change that affects every line, "
            + "and commuters will need to check their connections before travelling next week.</p>";
    String html =
        "<html><head><title>Council approves budget</title></head><body>"
            + "<article><h1>Council approves budget</h1>"
            + P1
            + P2
            + "</article>"
            + "<article><h1>Railway changes timetable</h1>"
            + other
            + other.replace("In other news", "Meanwhile")
            + other.replace("In other news", "Also")
            + other.replace("In other news", "Finally")
            + "</article>"
            + "</body></html>";
    assertEquals(
        List.of(text(P1), text(P2)), EXTRACTOR.extract(html, "https://example.com/a").paragraphs());
  }

  @Test
  void oneArticleLeavesNothingToChoose() {
    Element body =
        Jsoup.parse("<article><h1>Council approves budget</h1>" + P1 + "</article>").body();
    assertNull(HeadlineArticle.find(body, "Council approves budget"));
  }

  @Test
  void findsHeadlineArticleInsideOneWrappingAllStories() {
    Element body =
        Jsoup.parse(
                "<article id=page><div><article id=a><h1>Council approves budget</h1>"
                    + P1
                    + "</article>"
                    + "<article id=b><h1>Railway changes timetable</h1>"
                    + P2
                    + "</article></div></article>")
            .body();
    Element found = HeadlineArticle.find(body, "Council approves budget");
    assertEquals("a", found == null ? null : found.id());
  }

  @Test
  void findsHeadlineArticleAmongSeveral() {
    Element body =
        Jsoup.parse(
                "<article id=a><h2>Council approves budget</h2>"
                    + P1
                    + "</article>"
                    + "<article id=b><h2>Railway changes timetable</h2>"
                    + P2
                    + "</article>")
            .body();
    Element found = HeadlineArticle.find(body, "Council approves budget");
    assertEquals("a", found == null ? null : found.id());
    assertFalse(body.getElementById("b") == found);
  }

  @Test
  void ofTwoEquallyGoodBodiesTheFirstIsTakenOnEveryRun() {
    // Same lengths, same commas, same structure: the two score exactly alike. Parsed afresh each
    // time, the elements hash differently, so a choice that followed hash order would vary.
    String first = "<div>" + P1 + P2 + "</div>";
    String second =
        "<div>" + P1.replace("budget", "levies") + P2.replace("housing", "schools") + "</div>";
    String page = first + "<hr><table><tr><td>" + second + "</td></tr></table>";
    for (int run = 0; run < 40; run++) {
      List<String> kept = paragraphs(page);
      assertEquals(List.of(text(P1), text(P2)), kept, "run " + run);
    }
  }
}
