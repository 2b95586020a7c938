package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class StructureRemoverTest {
  private static String prunedText(String html) {
    Element body = Jsoup.parse(html).body();
    StructureRemover.remove(PageSurvey.of(body));
    return body.text();
  }

  @Test
  void removesScriptsNavigationAndHiddenElements() {
    assertEquals(
        "Story",
        prunedText(
            "<script>var x;</script><nav>Home News</nav><p>Story</p>"
                + "<div style='DISPLAY: none'>Hidden</div>"));
  }

  @Test
  void keepsChromeThatHoldsTheHeadline() {
    assertEquals(
        "Title Story",
        prunedText("<header><h1>Title</h1></header><p>Story</p><footer>Foot</footer>"));
  }

  @Test
  void keepsTheHeaderOfAnArticle() {
    assertEquals(
        "Lead Story",
        prunedText("<article><div><header>Lead</header></div><p>Story</p></article>"));
  }

  @Test
  void marksRemovedElementsByTheirNumberInTheSurvey() {
    Element body = Jsoup.parse("<p>Story</p><aside>Side</aside>").body();
    PageSurvey survey = PageSurvey.of(body);
    boolean[] removed = StructureRemover.remove(survey);
    // numbered in document order: body 0, p 1, aside 2
    assertEquals(3, removed.length);
    assertEquals(false, removed[1]);
    assertEquals(true, removed[2]);
  }

  @Test
  void countsTheTextLeftWithNestedRemovalsTakenOnce() {
    Element body =
        Jsoup.parse("<p>Story</p><aside>Side<footer>Foot</footer></aside><nav>Menu</nav>").body();
    PageSurvey survey = PageSurvey.of(body);
    boolean[] removed = StructureRemover.remove(survey);
    assertEquals("Story".length(), StructureRemover.remainingChars(survey.text(), removed));
  }
}
