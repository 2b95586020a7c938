package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class OwnTextTest {
  private static final String HTML =
      "<body><div id=a>One <p id=b>two <b id=c>three</b></p><script id=s>var x = 1;</script>"
          + " four </div><p id=d>\u00A0five six</p></body>";

  @Test
  void countsEachElementsOwnTextInDocumentOrderLeavingJunkOut() {
    Element body = Jsoup.parse(HTML).body();
    OwnText text = PageSurvey.of(body).text();
    assertEquals(5, text.size());
    List<Integer> own = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      own.add(text.own(i));
    }
    // body, a («One», «four»), b («two»), c («three»), d («five six»); the script's text is junk.
    assertEquals(List.of(0, 7, 3, 5, 7), own);
    assertEquals(22, text.total());
  }

  @Test
  void addsUpTheTextUnderEachElement() {
    Element body = Jsoup.parse(HTML).body();
    OwnText text = PageSurvey.of(body).text();
    assertEquals(
        List.of(-1, 0, 1, 2, 0),
        List.of(text.parent(0), text.parent(1), text.parent(2), text.parent(3), text.parent(4)));
    int[] under = text.underEach();
    assertEquals(22, under[0]);
    assertEquals(15, under[1]);
    assertEquals(8, under[2]);
    assertEquals(5, under[3]);
    assertEquals(7, under[4]);
  }

  @Test
  void cursorFindsElementsAskedAboutInDocumentOrder() {
    Element body = Jsoup.parse(HTML).body();
    OwnText text = PageSurvey.of(body).text();
    OwnText.Cursor cursor = text.cursor();
    assertEquals(1, cursor.numberOf(body.getElementById("a")));
    assertEquals(3, cursor.numberOf(body.getElementById("c")));
    // Junk was not counted; an element behind the cursor is not found.
    assertEquals(-1, cursor.numberOf(body.getElementById("s")));
    assertEquals(-1, cursor.numberOf(body.getElementById("b")));
    assertEquals(4, cursor.numberOf(body.getElementById("d")));
  }
}
