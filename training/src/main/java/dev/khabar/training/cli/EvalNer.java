package dev.khabar.training.cli;

import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Tagger;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.training.corpus.Corpora;
import dev.khabar.training.corpus.Corpus;
import dev.khabar.training.corpus.Sentence;
import dev.khabar.training.corpus.TrainingSets;
import dev.khabar.training.eval.Scores;
import dev.khabar.training.perceptron.DocumentTrainer;
import dev.khabar.training.perceptron.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Scores the tagger with exact-match entity P/R/F1, in two ways. Cross-corpus ({@code --cross}):
 * each training corpus of the language is held out in turn and tagged by a model trained on the
 * others, and the test-only corpora by a model trained on all of them; this is the score to trust
 * for text unlike any training corpus. Cross-validation ({@code --folds K}, the default): fold k
 * tests on the k-th block of documents of every corpus and trains on the rest of all of them. Folds
 * are contiguous blocks of documents, not a shuffle, so a story's sentences stay in one fold. Each
 * model trains both passes, the second pass's first-pass tags jackknifed within its training
 * documents ({@link DocumentTrainer}); the first pass alone is reported beside it.
 */
@Command(
    name = "eval-ner",
    mixinStandardHelpOptions = true,
    description = "Scores the entity tagger by cross-validation or across corpora.")
public final class EvalNer implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "../shared/data/ner",
      description = "The ner/ data directory (default: ${DEFAULT-VALUE}).")
  Path data = Path.of("../shared/data/ner");

  @Option(names = "--folds", description = "Number of folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--cross", description = "Hold out each corpus in turn instead of folds.")
  boolean cross;

  @Option(names = "--language", description = "ar, en, fa or all (default: ${DEFAULT-VALUE}).")
  String language = "all";

  @Option(
      names = "--passes",
      description = "1: the first pass only (faster); 2: both (default: ${DEFAULT-VALUE}).")
  int passes = 2;

  @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingSets.EPOCHS;

  @Option(
      names = "--clusters",
      split = ",",
      description =
          "LANG=FILE word clusters (gzip) to use instead of the shipped ones, or LANG=none.")
  Map<String, Path> clusters = new LinkedHashMap<>();

  @Option(
      names = "--outside-penalty",
      description =
          "Bias against O, in weight units, of the second pass (default: the shipped one) or,"
              + " with --passes 1, of the first (default: none).")
  @Nullable Float outsidePenalty;

  @Option(
      names = "--exclude",
      split = ",",
      description = "Training corpora to leave out, e.g. btc,wnut17.")
  List<String> exclude = List.of();

  @Option(
      names = "--hold-out",
      split = ",",
      description =
          "With --cross, hold out only these training corpora (default: each in turn); the"
              + " test-only corpora are still tested.")
  List<String> holdOut = List.of();

  @Option(
      names = "--predictions",
      description =
          "Also write each test corpus's tokens with gold and predicted tags (the shipped pass) to"
              + " DIR/<corpus>.tsv, blank line between sentences, as conlleval reads them.")
  @Nullable Path predictions;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalNer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (folds < 2) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--folds must be >= 2");
    }
    if (passes != 1 && passes != 2) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--passes must be 1 or 2");
    }
    List<String> languages = language.equals("all") ? TrainingSets.LANGUAGES : List.of(language);
    if (!TrainingSets.LANGUAGES.containsAll(languages)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--language must be ar, en, fa or all, was " + language);
    }
    Gazetteer gazetteer = Gazetteers.shipped();
    Corpora corpora = new Corpora(data);
    for (String lang : languages) {
      WordClusters words = ModelFiles.clusters(lang, clusters.get(lang));
      List<Corpus> training =
          TrainingSets.training(corpora, lang).stream()
              .filter(c -> !exclude.contains(c.name()))
              .toList();
      List<Corpus> testOnly = TrainingSets.testOnly(corpora, lang);
      Evaluation e = new Evaluation(lang, gazetteer, words);
      if (cross) {
        e.crossCorpus(training, testOnly);
      } else {
        e.crossValidate(training);
      }
      e.report(lang + (cross ? " cross-corpus" : " " + folds + "-fold CV"));
    }
    return 0;
  }

  /** Scores per test corpus, of each pass. */
  private final class Evaluation {
    private final String language;
    private final Gazetteer gazetteer;
    private final WordClusters clusters;
    private final Map<String, Scores> first = new LinkedHashMap<>();
    private final Map<String, Scores> second = new LinkedHashMap<>();

    Evaluation(String language, Gazetteer gazetteer, WordClusters clusters) {
      this.language = language;
      this.gazetteer = gazetteer;
      this.clusters = clusters;
    }

    void crossCorpus(List<Corpus> training, List<Corpus> testOnly) {
      for (Corpus heldOut : training) {
        if (!holdOut.isEmpty() && !holdOut.contains(heldOut.name())) {
          continue;
        }
        List<List<Sentence>> train = new ArrayList<>();
        training.stream().filter(c -> c != heldOut).forEach(c -> train.addAll(c.documents()));
        test(train, heldOut.name(), heldOut.documents());
      }
      if (!testOnly.isEmpty()) {
        List<List<Sentence>> train = new ArrayList<>();
        training.forEach(c -> train.addAll(c.documents()));
        Models m = train(train);
        testOnly.forEach(c -> test(m, c.name(), c.documents()));
      }
    }

    void crossValidate(List<Corpus> training) {
      for (int k = 0; k < folds; k++) {
        List<List<Sentence>> train = new ArrayList<>();
        for (Corpus c : training) {
          List<List<Sentence>> d = c.documents();
          train.addAll(d.subList(0, d.size() * k / folds));
          train.addAll(d.subList(d.size() * (k + 1) / folds, d.size()));
        }
        Models m = train(train);
        for (Corpus c : training) {
          List<List<Sentence>> d = c.documents();
          test(m, c.name(), d.subList(d.size() * k / folds, d.size() * (k + 1) / folds));
        }
        System.err.printf("fold %d/%d done%n", k + 1, folds);
      }
    }

    private record Models(Tagger first, DocumentTagger both) {}

    private Models train(List<List<Sentence>> given) {
      long start = System.nanoTime();
      List<List<Sentence>> documents = TrainingSets.prepare(language, given);
      Models m;
      if (passes == 1) {
        List<Sentence> sentences = new ArrayList<>();
        documents.forEach(sentences::addAll);
        var model =
            new Trainer(
                    new dev.khabar.enrich.entities.tagger.Features(clusters, TrainingSets.BITS),
                    gazetteer,
                    TrainingSets.BITS,
                    epochs,
                    TrainingSets.SEED)
                .train(sentences)
                .withOutsidePenalty(outsidePenalty == null ? 0 : outsidePenalty);
        m = new Models(new Tagger(gazetteer, clusters, model), null);
      } else {
        DocumentTrainer.Models models =
            new DocumentTrainer(
                    gazetteer,
                    clusters,
                    TrainingSets.BITS,
                    epochs,
                    TrainingSets.SEED,
                    TrainingSets.JACKKNIFE_FOLDS,
                    outsidePenalty == null ? TrainingSets.OUTSIDE_PENALTY : outsidePenalty)
                .train(documents);
        m =
            new Models(
                new Tagger(gazetteer, clusters, models.first()),
                new DocumentTagger(gazetteer, clusters, models.first(), models.second()));
      }
      System.err.printf(
          "trained on %d documents in %.0f s%n",
          documents.size(), (System.nanoTime() - start) / 1e9);
      return m;
    }

    private void test(List<List<Sentence>> train, String name, List<List<Sentence>> documents) {
      test(train(train), name, documents);
    }

    private void test(Models m, String name, List<List<Sentence>> documents) {
      Scores a = first.computeIfAbsent(name, k -> new Scores());
      Scores b = second.computeIfAbsent(name, k -> new Scores());
      StringBuilder out = new StringBuilder();
      for (List<Sentence> document : documents) {
        List<List<String>> tokens = document.stream().map(Sentence::tokens).toList();
        // The second pass as the service runs it: the recogniser's tags of the whole document.
        List<int[]> found =
            m.both() == null
                ? null
                : EntityRecognizer.of(gazetteer, Map.of(language, m.both())).tag(tokens, language);
        for (int s = 0; s < document.size(); s++) {
          Sentence x = document.get(s);
          int[] single = m.first().tag(x.tokens());
          a.add(x.tags(), single);
          int[] shipped = single;
          if (found != null) {
            shipped = found.get(s);
            b.add(x.tags(), shipped);
          }
          if (predictions != null) {
            for (int i = 0; i < x.size(); i++) {
              out.append(x.tokens().get(i)).append(' ').append(Tags.name(x.tags()[i]));
              out.append(' ').append(Tags.name(shipped[i])).append('\n');
            }
            out.append('\n');
          }
        }
      }
      if (predictions != null) {
        try {
          Files.createDirectories(predictions);
          Files.writeString(
              predictions.resolve(name + ".tsv"),
              out,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    void report(String title) {
      print(title + ", first pass", first);
      if (passes == 2) {
        print(title + ", both passes", second);
      }
    }

    private void print(String title, Map<String, Scores> perCorpus) {
      Scores total = new Scores();
      for (Map.Entry<String, Scores> e : perCorpus.entrySet()) {
        System.out.printf("%n== %s: %s%n%s", title, e.getKey(), e.getValue().report());
        total.addAll(e.getValue());
      }
      if (perCorpus.size() > 1) {
        System.out.printf("%n== %s: all corpora%n%s", title, total.report());
      }
      System.out.flush();
    }
  }
}
