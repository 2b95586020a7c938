package dev.khabar.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.charset.PageFile;
import dev.khabar.common.contract.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Scores any main-text extractor on two public extraction benchmarks, so that Khabar's extractor
 * and other libraries are measured the same way:
 *
 * <ul>
 *   <li>{@code trafilatura/}: gzipped pages and {@code evaldata.json}; each «with» snippet found in
 *       the text is a true positive, each missing one a false negative, each «without» snippet
 *       found a false positive (whitespace-normalised substring search), summed over the corpus;
 *   <li>{@code readability/}: {@code pages/NAME/source.html.gz} against the text of {@code
 *       expected.html.gz}, by word tokens (bag-of-words overlap), summed over the corpus.
 * </ul>
 *
 * <p>An extractor that throws on a page scores that page as empty text. Stateless: each call reads
 * the corpus again.
 *
 * <p>Each benchmark is split once into a tuning part and a test part by a fixed hash of the page's
 * name (see {@link Part}): rules are tuned on the first, page by page; the second is only ever
 * scored as a whole, so its score says how the rules do on pages they were not fitted to.
 *
 * <pre>{@code
 * ExtractionScorer scorer = ExtractionScorer.of(Path.of("../shared/data/extraction"));
 * ExtractionScorer.Result r = scorer.trafilatura((html, url) -> myExtractor.text(html, url));
 * System.out.println(r.total().f1());
 * }</pre>
 */
public final class ExtractionScorer {
  /** F1 on the trafilatura benchmark, as trafilatura's documentation publishes them. */
  public static final Map<String, Double> PUBLISHED_F1 =
      Map.of(
          "trafilatura 2.2", 0.924,
          "jusText", 0.862,
          "news-please", 0.836,
          "readability-lxml", 0.826,
          "boilerpy3", 0.807);

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Path data;

  private ExtractionScorer(Path data) {
    this.data = data;
  }

  /** A scorer over a directory holding {@code trafilatura/} and/or {@code readability/}. */
  public static ExtractionScorer of(Path data) {
    return new ExtractionScorer(Objects.requireNonNull(data, "data"));
  }

  /** A main-text extractor under test: the page's HTML and URL in, plain text out. */
  @FunctionalInterface
  public interface Extractor {
    String text(String html, String url) throws Exception;
  }

  public boolean hasTrafilatura() {
    return Files.isDirectory(data.resolve("trafilatura"));
  }

  public boolean hasReadability() {
    return Files.isDirectory(data.resolve("readability"));
  }

  /** The trafilatura benchmark's pages, in the order of {@code evaldata.json}, with their URLs. */
  public List<Page> trafilaturaPages() throws IOException {
    Path dir = data.resolve("trafilatura");
    JsonNode eval = Json.mapper().readTree(dir.resolve("evaldata.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> page : eval.properties()) {
      String name = page.getValue().get("file").asText();
      Path file = dir.resolve("html").resolve(name + ".gz");
      if (!Files.exists(file)) {
        file = dir.resolve("html").resolve(name);
      }
      if (Files.exists(file)) {
        pages.add(new Page(page.getKey(), file, page.getValue()));
      }
    }
    return pages;
  }

  /** Scores the extractor on the trafilatura benchmark. */
  public Result trafilatura(Extractor extractor) throws IOException {
    Score total = new Score();
    List<Map.Entry<String, Score>> pages = new ArrayList<>();
    for (Page page : trafilaturaPages()) {
      String text = normalise(run(extractor, PageFile.read(page.file()), page.url()));
      Score score = new Score();
      for (JsonNode with : page.expected().path("with")) {
        if (text.contains(normalise(with.asText()))) {
          score.tp++;
        } else {
          score.fn++;
        }
      }
      for (JsonNode without : page.expected().path("without")) {
        if (text.contains(normalise(without.asText()))) {
          score.fp++;
        }
      }
      total.add(score);
      pages.add(Map.entry(page.url(), score));
    }
    return new Result(total, pages);
  }

  /** Scores the extractor on the readability test pages. */
  public Result readability(Extractor extractor) throws IOException {
    Path dir = data.resolve("readability").resolve("pages");
    Score total = new Score();
    List<Map.Entry<String, Score>> pages = new ArrayList<>();
    List<Path> names;
    try (Stream<Path> list = Files.list(dir)) {
      names = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path page : names) {
      Path source = page.resolve("source.html.gz");
      Path expected = page.resolve("expected.html.gz");
      if (!Files.exists(source) || !Files.exists(expected)) {
        continue;
      }
      String ours =
          run(
              extractor,
              PageFile.read(source),
              "http://fakehost/test/" + page.getFileName() + ".html");
      Score score = tokens(ours, Jsoup.parse(PageFile.read(expected)).text());
      total.add(score);
      pages.add(Map.entry(page.getFileName().toString(), score));
    }
    return new Result(total, pages);
  }

  private static String run(Extractor extractor, String html, String url) {
    try {
      String text = extractor.text(html, url);
      return text == null ? "" : text;
    } catch (Exception | StackOverflowError e) {
      // One broken page costs its score, not the run.
      return "";
    }
  }

  /** Bag-of-words overlap: a word found as often in both texts counts that many times. */
  static Score tokens(String ours, String expected) {
    Map<String, Integer> want = counts(expected);
    Score score = new Score();
    for (Map.Entry<String, Integer> e : counts(ours).entrySet()) {
      int expectedCount = want.getOrDefault(e.getKey(), 0);
      score.tp += Math.min(e.getValue(), expectedCount);
      score.fp += Math.max(0, e.getValue() - expectedCount);
    }
    int wanted = want.values().stream().mapToInt(Integer::intValue).sum();
    score.fn += wanted - score.tp;
    return score;
  }

  private static Map<String, Integer> counts(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Whitespace runs, non-breaking spaces included, as one space; every other character kept (the
   * ground truth's snippets keep their soft hyphens, so the scorer must not drop them).
   */
  static String normalise(String text) {
    return BlockSegmenter.collapse(text, false);
  }

  /**
   * One page of the trafilatura benchmark.
   *
   * @param url the page's URL, the key of {@code evaldata.json}
   * @param file the HTML file
   * @param expected its entry: {@code with} and {@code without} snippets
   */
  public record Page(String url, Path file, JsonNode expected) {}

  /**
   * The two halves of a benchmark, fixed once: a page belongs to the tuning part when the first
   * byte of the SHA-256 of its name (the URL for trafilatura's pages, the directory for
   * Readability's) is even. The split depends on nothing but the name, so it never changes.
   */
  public enum Part {
    /** The pages rules may be tuned on and looked at one by one. */
    TUNING,
    /** The pages only ever scored as a whole. */
    TEST;

    /** The part the page of this name belongs to. */
    public static Part of(String page) {
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256").digest(page.getBytes(StandardCharsets.UTF_8));
        return (hash[0] & 1) == 0 ? TUNING : TEST;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
  }

  /**
   * A benchmark's total and its pages' scores, in corpus order.
   *
   * @param total the scores summed over the corpus
   * @param pages each page's name and score
   */
  public record Result(Score total, List<Map.Entry<String, Score>> pages) {
    public Result {
      pages = List.copyOf(pages);
    }

    /** The scores summed over the pages of one part. */
    public Score total(Part part) {
      Score sum = new Score();
      for (Map.Entry<String, Score> page : pages) {
        if (Part.of(page.getKey()) == part) {
          sum.add(page.getValue());
        }
      }
      return sum;
    }

    /** The pages of one part, in corpus order. */
    public List<Map.Entry<String, Score>> pages(Part part) {
      return pages.stream().filter(page -> Part.of(page.getKey()) == part).toList();
    }
  }

  /** True and false positives and false negatives, and the pages they came from. */
  public static final class Score {
    long tp;
    long fp;
    long fn;
    int pages;

    void add(Score other) {
      tp += other.tp;
      fp += other.fp;
      fn += other.fn;
      pages++;
    }

    public long truePositives() {
      return tp;
    }

    public long falsePositives() {
      return fp;
    }

    public long falseNegatives() {
      return fn;
    }

    public int pages() {
      return pages;
    }

    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }
}
