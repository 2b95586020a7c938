package dev.khabar.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores {@link ArticleExtractor} on two public extraction benchmarks and prints our numbers beside
 * published ones:
 *
 * <ul>
 *   <li>{@code trafilatura/}: gzipped pages and {@code evaldata.json}; each «with» snippet found in
 *       our text is a true positive, each missing one a false negative, each «without» snippet
 *       found a false positive (whitespace-normalised substring search), summed over the corpus;
 *   <li>{@code readability/}: {@code pages/NAME/source.html.gz} against the text of {@code
 *       expected.html.gz}, by word tokens (bag-of-words overlap), summed over the corpus.
 * </ul>
 */
@Command(
    name = "eval-extract",
    mixinStandardHelpOptions = true,
    description = "Scores the article extractor on the trafilatura and readability benchmarks.")
public final class EvalExtractCommand implements Callable<Integer> {
  /** F1 on the trafilatura benchmark, as trafilatura's documentation publishes them. */
  private static final Map<String, Double> PEERS =
      Map.of(
          "trafilatura 2.2", 0.924,
          "jusText", 0.862,
          "news-please", 0.836,
          "readability-lxml", 0.826,
          "boilerpy3", 0.807);

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  @Option(names = "--data", description = "Directory with trafilatura/ and readability/ (default: ${DEFAULT-VALUE}).")
  Path data = Path.of("..", "shared", "data", "extraction");

  @Option(names = "--worst", description = "List this many worst pages of each benchmark (default: ${DEFAULT-VALUE}).")
  int worst = 0;

  @Spec CommandLine.Model.CommandSpec spec;

  private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalExtractCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Score trafilatura = Files.isDirectory(data.resolve("trafilatura")) ? trafilatura(out) : null;
    Score readability = Files.isDirectory(data.resolve("readability")) ? readability(out) : null;
    if (trafilatura == null && readability == null) {
      spec.commandLine().getErr().println("no trafilatura/ or readability/ under " + data.toAbsolutePath());
      return 2;
    }
    out.println();
    out.printf("%-22s %9s %9s %9s%n", "extractor", "precision", "recall", "F1");
    if (trafilatura != null) {
      out.printf("%-22s %9.3f %9.3f %9.3f   (trafilatura benchmark, %d pages)%n",
          "khabar", trafilatura.precision(), trafilatura.recall(), trafilatura.f1(), trafilatura.pages);
      PEERS.entrySet().stream()
          .sorted(Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> out.printf("%-22s %9s %9s %9.3f   (published)%n", e.getKey(), "", "", e.getValue()));
    }
    if (readability != null) {
      out.printf("%-22s %9.3f %9.3f %9.3f   (readability test pages, tokens, %d pages)%n",
          "khabar", readability.precision(), readability.recall(), readability.f1(), readability.pages);
    }
    out.flush();
    return 0;
  }

  private Score trafilatura(PrintWriter out) throws IOException {
    Path dir = data.resolve("trafilatura");
    JsonNode eval = Json.mapper().readTree(dir.resolve("evaldata.json").toFile());
    Score total = new Score();
    List<Entry<String, Score>> pages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> page : eval.properties()) {
      Path file = dir.resolve("html").resolve(page.getValue().get("file").asText() + ".gz");
      if (!Files.exists(file)) {
        file = dir.resolve("html").resolve(page.getValue().get("file").asText());
      }
      if (!Files.exists(file)) {
        continue;
      }
      String text = normalise(extract(read(file), page.getKey()));
      Score score = new Score();
      for (JsonNode with : page.getValue().path("with")) {
        if (text.contains(normalise(with.asText()))) {
          score.tp++;
        } else {
          score.fn++;
        }
      }
      for (JsonNode without : page.getValue().path("without")) {
        if (text.contains(normalise(without.asText()))) {
          score.fp++;
        }
      }
      total.add(score);
      pages.add(Map.entry(page.getKey(), score));
    }
    listWorst(out, "trafilatura", pages);
    return total;
  }

  private Score readability(PrintWriter out) throws IOException {
    Path dir = data.resolve("readability").resolve("pages");
    Score total = new Score();
    List<Entry<String, Score>> pages = new ArrayList<>();
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
      String ours = extract(read(source), "http://fakehost/test/" + page.getFileName() + ".html");
      Score score = tokens(ours, Jsoup.parse(read(expected)).text());
      total.add(score);
      pages.add(Map.entry(page.getFileName().toString(), score));
    }
    listWorst(out, "readability", pages);
    return total;
  }

  private String extract(String html, String url) {
    try {
      Extraction e = extractor.extract(html, url);
      return e.text();
    } catch (RuntimeException e) {
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
    Matcher m = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  private void listWorst(PrintWriter out, String name, List<Entry<String, Score>> pages) {
    if (worst <= 0) {
      return;
    }
    out.println("worst pages of " + name + " (tp fp fn):");
    pages.stream()
        .sorted(Comparator.comparingDouble((Entry<String, Score> e) -> e.getValue().f1()))
        .limit(worst)
        .forEach(e -> out.printf("  %.3f %5d %5d %5d  %s%n", e.getValue().f1(), e.getValue().tp,
            e.getValue().fp, e.getValue().fn, e.getKey()));
  }

  static String normalise(String text) {
    return BlockSegmenter.collapse(text);
  }

  private static String read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** True and false positives and false negatives, and the pages they came from. */
  static final class Score {
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

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }
}
