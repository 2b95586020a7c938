package dev.khabar.enrich.entities.cli;

import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.Tagger;
import dev.khabar.enrich.entities.tagger.Tags;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tags a CoNLL-style token file with the shipped model, one token and its IOB2 tag per line. */
@Command(name = "ner", mixinStandardHelpOptions = true,
    description = "Prints each token of FILE with its predicted IOB2 tag, tab-separated.")
public final class Ner implements Callable<Integer> {

  @Parameters(paramLabel = "FILE",
      description = "One token per line (extra columns ignored), blank line between sentences.")
  Path file;

  @Option(names = "--language", description = "ar or en (default: ${DEFAULT-VALUE}).")
  String language = "ar";

  public static void main(String[] args) {
    System.exit(new CommandLine(new Ner()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String resource = switch (language) {
      case "ar" -> "/dev/khabar/enrich/entities/ner-ar.bin.gz";
      case "en" -> "/dev/khabar/enrich/entities/ner-en.bin.gz";
      default -> throw new CommandLine.ParameterException(new CommandLine(this),
          "--language must be ar or en, was " + language);
    };
    WordClusters clusters = language.equals("ar")
        ? WordClusters.load(EntityRecognizer.ARABIC_CLUSTERS, Features::hash) : WordClusters.NONE;
    Tagger tagger = Tagger.load(Gazetteers.shipped(), clusters, resource);
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    List<String> sentence = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        flush(tagger, sentence, out);
        out.println();
      } else {
        sentence.add(line.strip().split("[ \t]+")[0]);
      }
    }
    flush(tagger, sentence, out);
    out.flush();
    return 0;
  }

  private static void flush(Tagger tagger, List<String> sentence, PrintWriter out) {
    if (sentence.isEmpty()) {
      return;
    }
    int[] tags = tagger.tag(sentence);
    for (int i = 0; i < tags.length; i++) {
      out.print(sentence.get(i));
      out.print('\t');
      out.println(Tags.name(tags[i]));
    }
    sentence.clear();
  }
}
