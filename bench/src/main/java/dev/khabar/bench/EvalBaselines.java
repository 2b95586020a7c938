package dev.khabar.bench;

import dev.khabar.enrich.clean.EvalExtractCommand;
import dev.khabar.enrich.clean.ExtractionScorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores Readability4J and boilerpipe beside Khabar's extractor on the extraction benchmarks, with
 * the scoring of {@code eval-extract} ({@link ExtractionScorer}), so the numbers compare directly.
 */
@Command(
    name = "eval-baselines",
    mixinStandardHelpOptions = true,
    description =
        "Scores Khabar, Readability4J and boilerpipe on the trafilatura and readability benchmarks.")
public final class EvalBaselines implements Callable<Integer> {
  @Option(
      names = "--data",
      description = "Directory with trafilatura/ and readability/ (default: ${DEFAULT-VALUE}).")
  Path data = Path.of(Corpus.DEFAULT_DATA);

  @Option(
      names = "--worst",
      description =
          "List this many worst pages of each extractor and benchmark (default: ${DEFAULT-VALUE}).")
  int worst = 0;

  @Option(
      names = "--only",
      split = ",",
      description = "Extractors to score: ${COMPLETION-CANDIDATES} (default: all).")
  List<Extractors> only = List.of(Extractors.values());

  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new EvalBaselines())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ExtractionScorer scorer = ExtractionScorer.of(data);
    if (!scorer.hasTrafilatura() && !scorer.hasReadability()) {
      spec.commandLine()
          .getErr()
          .println("no trafilatura/ or readability/ under " + data.toAbsolutePath());
      return 2;
    }
    List<Map.Entry<String, ExtractionScorer.Result>> trafilatura = new ArrayList<>();
    List<Map.Entry<String, ExtractionScorer.Result>> readability = new ArrayList<>();
    for (Extractors extractor : only) {
      long start = System.nanoTime();
      if (scorer.hasTrafilatura()) {
        ExtractionScorer.Result r = scorer.trafilatura(extractor);
        EvalExtractCommand.listWorst(out, worst, extractor.label() + " on trafilatura", r);
        trafilatura.add(Map.entry(extractor.label(), r));
      }
      if (scorer.hasReadability()) {
        ExtractionScorer.Result r = scorer.readability(extractor);
        EvalExtractCommand.listWorst(out, worst, extractor.label() + " on readability", r);
        readability.add(Map.entry(extractor.label(), r));
      }
      out.printf("scored %s in %.1f s%n", extractor.label(), (System.nanoTime() - start) / 1e9);
      out.flush();
    }
    out.println();
    EvalExtractCommand.printHeader(out);
    for (Map.Entry<String, ExtractionScorer.Result> e : trafilatura) {
      EvalExtractCommand.printRow(out, e.getKey(), e.getValue().total(), "trafilatura benchmark");
    }
    for (Map.Entry<String, ExtractionScorer.Result> e : readability) {
      EvalExtractCommand.printRow(
          out, e.getKey(), e.getValue().total(), "readability test pages, tokens");
    }
    out.flush();
    return 0;
  }
}
