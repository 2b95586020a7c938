package dev.khabar.enrich.clean;

import dev.khabar.enrich.clean.ExtractionScorer.Part;
import dev.khabar.enrich.clean.ExtractionScorer.Result;
import dev.khabar.enrich.clean.ExtractionScorer.Score;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map.Entry;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores {@link ArticleExtractor} on two public extraction benchmarks (see {@link
 * ExtractionScorer}) and prints our numbers beside published ones.
 */
@Command(
    name = "eval-extract",
    mixinStandardHelpOptions = true,
    description = "Scores the article extractor on the trafilatura and readability benchmarks.")
public final class EvalExtractCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      description = "Directory with trafilatura/ and readability/ (default: ${DEFAULT-VALUE}).")
  Path data = Path.of("..", "shared", "data", "extraction");

  @Option(
      names = "--worst",
      description =
          "List this many worst pages of each benchmark's tuning part (default: ${DEFAULT-VALUE}).")
  int worst = 0;

  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalExtractCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ExtractionScorer scorer = ExtractionScorer.of(data);
    ArticleExtractor extractor = ArticleExtractor.withDefaults();
    ExtractionScorer.Extractor khabar = (html, url) -> extractor.extract(html, url).text();
    Result trafilatura = scorer.hasTrafilatura() ? scorer.trafilatura(khabar) : null;
    if (trafilatura != null) {
      listWorst(out, worst, "trafilatura", trafilatura);
    }
    Result readability = scorer.hasReadability() ? scorer.readability(khabar) : null;
    if (readability != null) {
      listWorst(out, worst, "readability", readability);
    }
    if (trafilatura == null && readability == null) {
      spec.commandLine()
          .getErr()
          .println("no trafilatura/ or readability/ under " + data.toAbsolutePath());
      return 2;
    }
    out.println();
    printHeader(out);
    if (trafilatura != null) {
      printRows(out, "khabar", trafilatura, "trafilatura benchmark");
      ExtractionScorer.PUBLISHED_F1.entrySet().stream()
          .sorted(Entry.<String, Double>comparingByValue().reversed())
          .forEach(
              e ->
                  out.printf(
                      "%-22s %9s %9s %9.3f   (published)%n", e.getKey(), "", "", e.getValue()));
    }
    if (readability != null) {
      printRows(out, "khabar", readability, "readability test pages, tokens");
    }
    out.flush();
    return 0;
  }

  /** The header of the table {@link #printRow} fills. */
  public static void printHeader(PrintWriter out) {
    out.printf("%-22s %9s %9s %9s%n", "extractor", "precision", "recall", "F1");
  }

  /**
   * One line of the score table: precision, recall, F1 (to four places, so a result next to a
   * target is not rounded onto it), what was scored and the counts behind the scores.
   */
  public static void printRow(PrintWriter out, String name, Score score, String what) {
    out.printf(
        "%-22s %9.4f %9.4f %9.4f   (%s, %d pages; TP %d, FP %d, FN %d)%n",
        name,
        score.precision(),
        score.recall(),
        score.f1(),
        what,
        score.pages(),
        score.truePositives(),
        score.falsePositives(),
        score.falseNegatives());
  }

  /** Rows for the whole benchmark, its tuning part and its test part. */
  public static void printRows(PrintWriter out, String name, Result result, String what) {
    printRow(out, name, result.total(), what);
    printRow(out, name + " tuning", result.total(Part.TUNING), what + ", tuning part");
    printRow(out, name + " test", result.total(Part.TEST), what + ", test part");
  }

  /**
   * The {@code n} pages of the tuning part with the lowest F1, with their true and false positives
   * and negatives; the test part's pages are never listed one by one.
   */
  public static void listWorst(PrintWriter out, int n, String name, Result result) {
    if (n <= 0) {
      return;
    }
    out.println("worst pages of " + name + ", tuning part (tp fp fn):");
    result.pages(Part.TUNING).stream()
        .sorted(Comparator.comparingDouble((Entry<String, Score> e) -> e.getValue().f1()))
        .limit(n)
        .forEach(
            e ->
                out.printf(
                    "  %.3f %5d %5d %5d  %s%n",
                    e.getValue().f1(),
                    e.getValue().truePositives(),
                    e.getValue().falsePositives(),
                    e.getValue().falseNegatives(),
                    e.getKey()));
  }
}
