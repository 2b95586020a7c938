package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A small labelled set of Arabic, Persian and Urdu news pages made for these tests, each {@code
 * NAME.html} with its labels in {@code NAME.txt}: {@code date:} the publication instant, {@code +}
 * a text the article must keep, {@code -} a text that must not come out (a credit, a caption, a
 * notice, a follow line, a «continued» marker), {@code once:} a text that must come out exactly
 * once.
 */
class ArabicScriptPagesTest {
  private static final String DIR = "arabic-script/";

  private static final List<String> PAGES =
      List.of(
          "ar-levant-credits",
          "ar-caption-repeats-heading",
          "ar-gulf-numeric-date",
          "fa-solar-date",
          "fa-numeric-solar-date",
          "ur-continued");

  static Stream<String> pages() {
    return PAGES.stream();
  }

  @ParameterizedTest
  @MethodSource("pages")
  void keepsEveryParagraph(String page) throws IOException {
    String text = extract(page).text();
    for (String kept : labels(page, "+ ")) {
      assertTrue(text.contains(kept), page + " lost «" + kept + "»:\n" + text);
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void leavesNoBoilerplate(String page) throws IOException {
    String text = extract(page).text();
    for (String dropped : labels(page, "- ")) {
      assertFalse(text.contains(dropped), page + " kept «" + dropped + "»:\n" + text);
    }
    for (String once : labels(page, "once: ")) {
      assertEquals(1, count(text, once), page + ": «" + once + "» not once:\n" + text);
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void findsThePublicationDate(String page) throws IOException {
    List<String> date = labels(page, "date: ");
    assertEquals(1, date.size(), page + " has one date label");
    assertEquals(Instant.parse(date.get(0)), extract(page).publishedAt());
  }

  @Test
  void everyPageIsLabelled() throws IOException {
    for (String page : PAGES) {
      assertFalse(labels(page, "+ ").isEmpty(), page);
      assertFalse(labels(page, "- ").isEmpty(), page);
    }
  }

  private static Extraction extract(String page) throws IOException {
    return ArticleExtractor.withDefaults()
        .extract(resource(page + ".html"), "https://news.example/" + page);
  }

  private static List<String> labels(String page, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : resource(page + ".txt").split("\n")) {
      if (line.startsWith(prefix)) {
        out.add(line.substring(prefix.length()).strip());
      }
    }
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            ArabicScriptPagesTest.class.getResourceAsStream(DIR + name), "no resource " + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
