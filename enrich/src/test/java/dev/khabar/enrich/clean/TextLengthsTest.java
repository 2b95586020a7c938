package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TextLengthsTest {
  private static final String HTML =
      "<body><div id=a><p id=b>Hello <a id=c href=#>big world</a></p><p id=d> x  y </p></div>"
          + "<span id=e></span></body>";

  @Test
  void numbersChildrenBeforeParents() {
    Element body = Jsoup.parse(HTML).body();
    TextLengths lengths = TextLengths.of(body);
    List<String> order = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      Element el = lengths.element(i);
      order.add(el.id().isEmpty() ? el.normalName() : el.id());
    }
    assertEquals(List.of("c", "b", "d", "a", "e", "body"), order);
  }

  @Test
  void countsNonWhitespaceCharactersUnderEachElement() {
    Element body = Jsoup.parse(HTML).body();
    TextLengths lengths = TextLengths.of(body);
    List<Integer> chars = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      chars.add(lengths.chars(i));
      assertEquals(TextStats.of(lengths.element(i), Integer.MAX_VALUE).chars(), lengths.chars(i));
    }
    assertEquals(List.of(8, 13, 2, 15, 0, 15), chars);
  }

  @Test
  void knowsEachElementsParent() {
    Element body = Jsoup.parse(HTML).body();
    TextLengths lengths = TextLengths.of(body);
    for (int i = 0; i < lengths.size(); i++) {
      int parent = lengths.parent(i);
      if (lengths.element(i) == body) {
        assertEquals(-1, parent);
      } else {
        assertEquals(lengths.element(i).parent(), lengths.element(parent));
      }
    }
  }

  @Test
  void countsASubtreeAsItsOwnRoot() {
    Element div = Jsoup.parse(HTML).getElementById("a");
    TextLengths lengths = TextLengths.of(div);
    assertEquals(4, lengths.size());
    assertEquals(div, lengths.element(3));
    assertEquals(15, lengths.chars(3));
    assertEquals(-1, lengths.parent(3));
  }

  @Test
  void removesWhatThePredicateNamesAndCountsWhatStays() {
    Element body = Jsoup.parse(HTML).body();
    List<String> asked = new ArrayList<>();
    TextLengths lengths =
        TextLengths.of(
            body,
            el -> {
              asked.add(el.id());
              return el.id().equals("b");
            });
    // Asked in document order, the root aside; what a removed element held is not asked about.
    assertEquals(List.of("a", "b", "d", "e"), asked);
    assertEquals(null, body.getElementById("b"));
    List<String> order = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      order.add(lengths.element(i).id().isEmpty() ? "body" : lengths.element(i).id());
    }
    assertEquals(List.of("d", "a", "e", "body"), order);
    assertEquals(2, lengths.chars(1));
    assertEquals(2, lengths.chars(3));
  }

  @Test
  void takesEachStayingElementsOwnTextWhenGiven() {
    Element body = Jsoup.parse(HTML).body();
    OwnText text = PageSurvey.of(body).text();
    OwnText.Cursor cursor = text.cursor();
    TextLengths lengths =
        TextLengths.of(body, el -> el.id().equals("b"), el -> text.own(cursor.numberOf(el)));
    List<Integer> chars = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      chars.add(lengths.chars(i));
    }
    assertEquals(List.of(2, 2, 0, 2), chars);
  }
}
