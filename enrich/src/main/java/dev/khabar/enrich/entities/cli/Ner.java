package dev.khabar.enrich.entities.cli;

import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.Tagger;
import dev.khabar.enrich.entities.tagger.TaggerModel;
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

/**
 * Tags a CoNLL-style token file with the shipped models, one token and its IOB2 tag per line. The
 * file is one document: the second pass sees how its words were tagged anywhere in it.
 */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = "Prints each token of FILE with its predicted IOB2 tag, tab-separated.")
public final class Ner implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      description = "One token per line (extra columns ignored), blank line between sentences.")
  Path file;

  @Option(names = "--language", description = "ar or en (default: ${DEFAULT-VALUE}).")
  String language = "ar";

  public static void main(String[] args) {
    System.exit(new CommandLine(new Ner()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String[] models =
        switch (language) {
          case "ar" ->
              new String[] {EntityRecognizer.ARABIC_MODEL, EntityRecognizer.ARABIC_DOCUMENT_MODEL};
          case "en" ->
              new String[] {
                EntityRecognizer.ENGLISH_MODEL, EntityRecognizer.ENGLISH_DOCUMENT_MODEL
              };
          default ->
              throw new CommandLine.ParameterException(
                  new CommandLine(this), "--language must be ar or en, was " + language);
        };
    WordClusters clusters =
        language.equals("ar")
            ? WordClusters.load(EntityRecognizer.ARABIC_CLUSTERS, Features::hash)
            : WordClusters.NONE;
    DocumentTagger tagger =
        new DocumentTagger(
            Gazetteers.shipped(),
            clusters,
            TaggerModel.load(models[0]),
            TaggerModel.load(models[1]));
    List<List<String>> sentences = new ArrayList<>();
    List<String> sentence = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        if (!sentence.isEmpty()) {
          sentences.add(List.copyOf(sentence));
          sentence.clear();
        }
      } else {
        sentence.add(line.strip().split("[ \t]+")[0]);
      }
    }
    if (!sentence.isEmpty()) {
      sentences.add(List.copyOf(sentence));
    }
    List<Tagger.Tagging> tagged = tagger.tag(sentences);
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    for (int s = 0; s < sentences.size(); s++) {
      int[] tags = tagged.get(s).tags();
      for (int i = 0; i < tags.length; i++) {
        out.print(sentences.get(s).get(i));
        out.print('\t');
        out.println(Tags.name(tags[i]));
      }
      out.println();
    }
    out.flush();
    return 0;
  }
}
