package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionScorerTest {
  private static final double EXACT = 1e-12;

  @TempDir Path data;

  @Test
  void trafilaturaCountsKeptAndMissedSnippetsAndBoilerplateLeftIn() throws IOException {
    writeTrafilatura(
        """
        {
          "https://news.example/a": {
            "file": "a.html",
            "with": ["Trade talks resume", "The ministers met  on\\nMonday", "talks in Geneva"],
            "without": ["Subscribe to our newsletter", "Cookie settings"]
          },
          "https://news.example/b": {
            "file": "b.html",
            "with": ["منظمة التعاون الاقتصادي"],
            "without": ["اقرأ أيضا"]
          }
        }
        """);
    writePlain("trafilatura/html/a.html", "<p>page a</p>");
    writeGzip("trafilatura/html/b.html.gz", "<p>الصفحة ب</p>");
    Map<String, String> texts =
        Map.of(
            "https://news.example/a",
            "Trade talks resume after a year. The ministers\u00a0met on\tMonday. Cookie settings",
            "https://news.example/b",
            "منظمة التعاون الاقتصادي تعقد اجتماعها");

    ExtractionScorer.Result result =
        ExtractionScorer.of(data).trafilatura((html, url) -> texts.get(url));

    // a: two snippets kept, "talks in Geneva" missed, "Cookie settings" left in; b: one kept.
    assertCounts(3, 1, 1, result.total());
    assertEquals(2, result.total().pages());
    assertEquals(
        List.of("https://news.example/a", "https://news.example/b"),
        result.pages().stream().map(Map.Entry::getKey).toList());
    assertCounts(2, 1, 1, result.pages().get(0).getValue());
    assertCounts(1, 0, 0, result.pages().get(1).getValue());
    assertEquals(0.75, result.total().precision(), EXACT);
    assertEquals(0.75, result.total().recall(), EXACT);
    assertEquals(0.75, result.total().f1(), EXACT);
  }

  @Test
  void pagesSplitIntoTuningAndTestByAFixedHashOfTheirName() {
    // The first byte of the SHA-256 of «…/c» is even, those of «…/a» and «…/b» odd.
    assertEquals(ExtractionScorer.Part.TUNING, ExtractionScorer.Part.of("https://news.example/c"));
    assertEquals(ExtractionScorer.Part.TEST, ExtractionScorer.Part.of("https://news.example/a"));
    assertEquals(ExtractionScorer.Part.TEST, ExtractionScorer.Part.of("https://news.example/b"));
  }

  @Test
  void eachPartSumsItsOwnPages() throws IOException {
    writeTrafilatura(
        """
        {
          "https://news.example/a": {"file": "a.html", "with": ["kept"], "without": []},
          "https://news.example/c": {"file": "c.html", "with": ["kept", "lost"], "without": []}
        }
        """);
    writePlain("trafilatura/html/a.html", "<p>a</p>");
    writePlain("trafilatura/html/c.html", "<p>c</p>");

    ExtractionScorer.Result result = ExtractionScorer.of(data).trafilatura((html, url) -> "kept");

    assertCounts(1, 0, 0, result.total(ExtractionScorer.Part.TEST));
    assertCounts(1, 0, 1, result.total(ExtractionScorer.Part.TUNING));
    assertEquals(
        List.of("https://news.example/c"),
        result.pages(ExtractionScorer.Part.TUNING).stream().map(Map.Entry::getKey).toList());
  }

  @Test
  void trafilaturaHandsTheExtractorEachPagesHtmlAndUrlAndSkipsPagesWithoutAFile()
      throws IOException {
    writeTrafilatura(
        """
        {
          "https://news.example/plain": {"file": "plain.html", "with": ["x"], "without": []},
          "https://news.example/missing": {"file": "missing.html", "with": ["x"], "without": []},
          "https://news.example/gzipped": {"file": "gzipped.html", "with": ["x"], "without": []}
        }
        """);
    writePlain("trafilatura/html/plain.html", "<p>plain</p>");
    writeGzip("trafilatura/html/gzipped.html.gz", "<p>مضغوط</p>");
    List<String> calls = new ArrayList<>();

    ExtractionScorer.Result result =
        ExtractionScorer.of(data)
            .trafilatura(
                (html, url) -> {
                  calls.add(url + " " + html);
                  return "x";
                });

    assertEquals(
        List.of(
            "https://news.example/plain <p>plain</p>", "https://news.example/gzipped <p>مضغوط</p>"),
        calls);
    assertCounts(2, 0, 0, result.total());
    assertEquals(2, result.total().pages());
  }

  @Test
  void aSnippetCountsWhereverItOccursInTheTextOnceBothAreWhitespaceNormalised() throws IOException {
    writeTrafilatura(
        """
        {
          "https://news.example/a": {
            "file": "a.html",
            "with": [
              "  talks\\n\\nresume ",
              "alks res",
              "talks Resume",
              "re\\u00adsume",
              "talks\\u00a0resume after"
            ],
            "without": []
          }
        }
        """);
    writePlain("trafilatura/html/a.html", "<p>a</p>");

    ExtractionScorer.Result result =
        ExtractionScorer.of(data).trafilatura((html, url) -> "Trade\ntalks  resume after a year");

    // Found: the first two (whitespace, then part words) and the last (a non-breaking space);
    // missed: another case, and a soft hyphen the text does not have.
    assertCounts(3, 0, 2, result.total());
    assertEquals(1, result.total().pages());
  }

  @Test
  void anExtractorThatThrowsOrAnswersNullScoresItsPageAsEmptyText() throws IOException {
    writeTrafilatura(
        """
        {
          "https://news.example/throws": {
            "file": "throws.html", "with": ["one", "two"], "without": ["menu"]
          },
          "https://news.example/null": {"file": "null.html", "with": ["three"], "without": []}
        }
        """);
    writePlain("trafilatura/html/throws.html", "<p>one two menu</p>");
    writePlain("trafilatura/html/null.html", "<p>three</p>");

    ExtractionScorer.Result result =
        ExtractionScorer.of(data)
            .trafilatura(
                (html, url) -> {
                  if (url.endsWith("throws")) {
                    throw new IllegalStateException("broken page");
                  }
                  return null;
                });

    assertCounts(0, 0, 3, result.total());
    assertEquals(2, result.total().pages());
    assertEquals(0.0, result.total().precision());
    assertEquals(0.0, result.total().recall());
    assertEquals(0.0, result.total().f1());
  }

  @Test
  void readabilityComparesWordCountsWithTheExpectedPagesText() throws IOException {
    writeGzip("readability/pages/001-talks/source.html.gz", "<article>source</article>");
    writeGzip(
        "readability/pages/001-talks/expected.html.gz",
        "<html><body><h1>Talks resume</h1><p>The ministers met on Monday.</p></body></html>");
    // Without its expected page: not scored.
    writeGzip("readability/pages/002-no-expected/source.html.gz", "<p>x</p>");
    List<String> calls = new ArrayList<>();

    ExtractionScorer.Result result =
        ExtractionScorer.of(data)
            .readability(
                (html, url) -> {
                  calls.add(url + " " + html);
                  return "Talks resume. The ministers met. Share this article";
                });

    assertEquals(List.of("http://fakehost/test/001-talks.html <article>source</article>"), calls);
    assertEquals(List.of("001-talks"), result.pages().stream().map(Map.Entry::getKey).toList());
    // 7 words expected; 5 of them found, "on" and "monday" missed, 3 words too many.
    assertCounts(5, 3, 2, result.total());
    assertEquals(1, result.total().pages());
    assertEquals(5.0 / 8, result.total().precision(), EXACT);
    assertEquals(5.0 / 7, result.total().recall(), EXACT);
    assertEquals(2.0 * 5 / (2 * 5 + 3 + 2), result.total().f1(), EXACT);
  }

  @Test
  void tokensIsABagOfLowerCasedWordsAndNumbers() {
    ExtractionScorer.Score score =
        ExtractionScorer.tokens("The cat, the CAT sat in 2024.", "the cat sat on the mat in 2024");

    // Expected: the×2 cat sat on mat in 2024 (8 words). Ours: the×2 cat×2 sat in 2024.
    assertCounts(6, 1, 2, score);
  }

  @Test
  void tokensCountsArabicWordsAndIgnoresPunctuation() {
    ExtractionScorer.Score score =
        ExtractionScorer.tokens("«قال الوزير»: الاتفاق قريب!", "قال الوزير إن الاتفاق قريب");

    assertCounts(4, 0, 1, score);
  }

  @Test
  void normaliseCollapsesWhitespaceRunsAndKeepsEveryOtherCharacter() {
    assertEquals("a b c", ExtractionScorer.normalise("  a\u00a0\u00a0b\n\t c  "));
    assertEquals("re\u00adsume", ExtractionScorer.normalise("re\u00adsume"));
    assertEquals("", ExtractionScorer.normalise(" \n\u00a0"));
  }

  @Test
  void scoreArithmetic() {
    ExtractionScorer.Score score = score(3, 1, 2);

    assertEquals(0.75, score.precision(), EXACT);
    assertEquals(0.6, score.recall(), EXACT);
    assertEquals(2.0 / 3, score.f1(), EXACT);
  }

  @Test
  void scoreWithNothingToCountIsZeroNotNaN() {
    ExtractionScorer.Score empty = score(0, 0, 0);
    ExtractionScorer.Score onlyFalsePositives = score(0, 2, 0);

    assertEquals(0.0, empty.precision());
    assertEquals(0.0, empty.recall());
    assertEquals(0.0, empty.f1());
    assertEquals(0.0, onlyFalsePositives.precision());
    assertEquals(0.0, onlyFalsePositives.recall());
    assertEquals(0.0, onlyFalsePositives.f1());
  }

  @Test
  void addingScoresSumsTheCountsAndCountsThePages() {
    ExtractionScorer.Score total = new ExtractionScorer.Score();

    total.add(score(3, 1, 2));
    total.add(score(1, 0, 4));

    assertCounts(4, 1, 6, total);
    assertEquals(2, total.pages());
  }

  @Test
  void findsWhichBenchmarksTheDirectoryHolds() throws IOException {
    ExtractionScorer scorer = ExtractionScorer.of(data);
    assertFalse(scorer.hasTrafilatura());
    assertFalse(scorer.hasReadability());

    Files.createDirectories(data.resolve("trafilatura"));

    assertTrue(scorer.hasTrafilatura());
    assertFalse(scorer.hasReadability());
  }

  private static ExtractionScorer.Score score(long tp, long fp, long fn) {
    ExtractionScorer.Score score = new ExtractionScorer.Score();
    score.tp = tp;
    score.fp = fp;
    score.fn = fn;
    return score;
  }

  private static void assertCounts(long tp, long fp, long fn, ExtractionScorer.Score s) {
    assertEquals(
        List.of(tp, fp, fn),
        List.of(s.truePositives(), s.falsePositives(), s.falseNegatives()),
        "true positives, false positives, false negatives");
  }

  private void writeTrafilatura(String evaldata) throws IOException {
    writePlain("trafilatura/evaldata.json", evaldata);
  }

  private void writePlain(String path, String text) throws IOException {
    Path file = data.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private void writeGzip(String path, String text) throws IOException {
    Path file = data.resolve(path);
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
