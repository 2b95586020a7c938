package dev.khabar.training.cli;

import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.Tagger;
import dev.khabar.training.corpus.Sentence;
import dev.khabar.training.corpus.TrainingSets;
import dev.khabar.training.eval.Scores;
import dev.khabar.training.perceptron.DocumentTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * K-fold cross-validation of the tagger with exact-match entity scores. Folds are contiguous blocks
 * of documents ({@link TrainingSets#documents}), not a shuffle: a news story's sentences stay in
 * one fold, so names repeated within a story do not leak from training into test. Each fold trains
 * both passes from its training documents only, the second pass's first-pass tags jackknifed within
 * them ({@link DocumentTrainer}); the shipped recogniser is the second pass, the first is reported
 * beside it.
 */
@Command(
    name = "eval-ner",
    mixinStandardHelpOptions = true,
    description = "Cross-validates the NER tagger on ANERcorp and the English sets.")
public final class EvalNer implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "../shared/data/ner",
      description = "The ner/ data directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--folds", description = "Number of folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--language", description = "ar, en or all (default: ${DEFAULT-VALUE}).")
  String language = "all";

  @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingSets.EPOCHS;

  @Option(
      names = "--clusters",
      description =
          "Arabic word clusters, gzip (default: the shipped"
              + " ones); \"none\" to evaluate without.")
  @Nullable String clusters;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalNer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (folds < 2) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--folds must be >= 2");
    }
    if (!List.of("ar", "en", "all").contains(language)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--language must be ar, en or all, was " + language);
    }
    Gazetteer gazetteer = Gazetteers.shipped();
    if (!language.equals("en")) {
      crossValidate("Arabic", gazetteer, arabicClusters(), TrainingSets.arabic(data));
    }
    if (!language.equals("ar")) {
      crossValidate("English", gazetteer, WordClusters.NONE, TrainingSets.english(data));
    }
    return 0;
  }

  private WordClusters arabicClusters() throws java.io.IOException {
    if (clusters == null) {
      return WordClusters.load(EntityRecognizer.ARABIC_CLUSTERS, Features::hash);
    }
    if (clusters.equals("none")) {
      return WordClusters.NONE;
    }
    try (var in = java.nio.file.Files.newInputStream(Path.of(clusters))) {
      return WordClusters.read(in, Features::hash);
    }
  }

  /**
   * Fold k tests on the k-th block of documents of every set and trains on the rest of all of them.
   * Scores both passes: the first alone, and the second given the first's view of each test
   * document.
   */
  private void crossValidate(
      String name, Gazetteer gazetteer, WordClusters clusters, Map<String, List<Sentence>> sets) {
    Map<String, List<List<Sentence>>> documents = new LinkedHashMap<>();
    sets.forEach((k, v) -> documents.put(k, TrainingSets.documents(v)));
    Map<String, Scores> first = new LinkedHashMap<>();
    Map<String, Scores> second = new LinkedHashMap<>();
    sets.keySet()
        .forEach(
            k -> {
              first.put(k, new Scores());
              second.put(k, new Scores());
            });
    for (int k = 0; k < folds; k++) {
      List<List<Sentence>> train = new ArrayList<>();
      for (List<List<Sentence>> set : documents.values()) {
        train.addAll(set.subList(0, set.size() * k / folds));
        train.addAll(set.subList(set.size() * (k + 1) / folds, set.size()));
      }
      DocumentTrainer.Models models =
          DocumentTrainer.shipped(gazetteer, clusters, epochs, TrainingSets.SEED).train(train);
      Tagger single = new Tagger(gazetteer, clusters, models.first());
      DocumentTagger tagger =
          new DocumentTagger(gazetteer, clusters, models.first(), models.second());
      for (Map.Entry<String, List<List<Sentence>>> set : documents.entrySet()) {
        List<List<Sentence>> d = set.getValue();
        for (List<Sentence> document :
            d.subList(d.size() * k / folds, d.size() * (k + 1) / folds)) {
          List<Tagger.Tagging> tagged =
              tagger.tag(document.stream().map(Sentence::tokens).toList());
          for (int s = 0; s < document.size(); s++) {
            Sentence x = document.get(s);
            first.get(set.getKey()).add(x.tags(), single.tag(x.tokens()));
            second.get(set.getKey()).add(x.tags(), tagged.get(s).tags());
          }
        }
      }
      System.err.printf("%s fold %d/%d done%n", name, k + 1, folds);
    }
    report(name + " first pass", first);
    report(name, second);
  }

  private void report(String name, Map<String, Scores> perSet) {
    Scores total = new Scores();
    for (Map.Entry<String, Scores> e : perSet.entrySet()) {
      System.out.printf(
          "%n== %s %s, %d-fold CV%n%s", name, e.getKey(), folds, e.getValue().report());
      total.addAll(e.getValue());
    }
    if (perSet.size() > 1) {
      System.out.printf("%n== %s all sets, %d-fold CV%n%s", name, folds, total.report());
    }
  }
}
