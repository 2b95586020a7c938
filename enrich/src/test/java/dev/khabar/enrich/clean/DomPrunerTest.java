package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DomPrunerTest {
  private static final String STORY =
      "The council approved the new budget on Tuesday after a long debate that lasted well into"
          + " the night.";

  private static final String PAGE =
      "<nav>Home</nav><h1>Budget</h1><p>"
          + STORY
          + "</p><div class=newsletter-box>Weekly digest</div><div><h3>Most viewed</h3>"
          + "<a href=/a>Other story</a></div><script>var x;</script>";

  @Test
  void runsEveryPassWhenNamesCount() {
    Element body = Jsoup.parse(PAGE).body();
    DomPruner.prune(body, true);
    assertEquals("Budget " + STORY, body.text());
  }

  @Test
  void leavesNamedElementsWhenNamesDoNotCount() {
    Element body = Jsoup.parse(PAGE).body();
    DomPruner.prune(body, false);
    assertEquals("Budget " + STORY + " Weekly digest", body.text());
  }
}
