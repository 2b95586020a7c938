package dev.khabar.training.cli;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import dev.khabar.training.clusters.Clusterer;
import dev.khabar.training.corpus.Sentence;
import dev.khabar.training.corpus.TrainingSets;
import dev.khabar.training.perceptron.DocumentTrainer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds every shipped entity resource; same data, same seed, same bytes. Steps: export CLDR
 * places, learn Arabic word clusters from unlabelled news (skip with {@code --keep-clusters}), then
 * train the Arabic and English taggers.
 */
@Command(
    name = "train-ner",
    mixinStandardHelpOptions = true,
    description =
        "Exports cldr-places.tsv from ICU, learns clusters-ar.tsv.gz from unlabelled"
            + " Arabic news, and trains both passes of each language: ner-ar.bin.gz,"
            + " ner-ar-doc.bin.gz, ner-en.bin.gz, ner-en-doc.bin.gz.")
public final class TrainNer implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "../shared/data/ner",
      description = "The ner/ data directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--out",
      defaultValue = "enrich/src/main/resources/dev/khabar/enrich/entities/",
      description = "Where to write the models (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--text",
      defaultValue = "../shared/data/text/ar",
      description =
          "Unlabelled Arabic text, *.txt.gz, one document per line, for word clusters"
              + " (default: ${DEFAULT-VALUE}).")
  Path text;

  @Option(
      names = "--keep-clusters",
      description = "Reuse clusters-ar.tsv.gz in --out instead of learning it again (a minute).")
  boolean keepClusters;

  @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingSets.EPOCHS;

  @Option(names = "--seed", description = "Shuffling seed (default: ${DEFAULT-VALUE}).")
  long seed = TrainingSets.SEED;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainNer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    Path places = out.resolve("cldr-places.tsv");
    Gazetteers.exportCldr(places);
    Gazetteer gazetteer = Gazetteers.build(Files.readAllLines(places));
    Path clusterFile = out.resolve("clusters-ar.tsv.gz");
    if (!keepClusters) {
      long start = System.nanoTime();
      new Clusterer(seed).learn(text, clusterFile, LICENCE);
      System.out.printf(
          "%s: from %s, %.1f s, %d bytes%n",
          clusterFile, text, (System.nanoTime() - start) / 1e9, Files.size(clusterFile));
    }
    WordClusters clusters;
    try (InputStream in = Files.newInputStream(clusterFile)) {
      clusters = WordClusters.read(in, Features::hash);
    }
    train(gazetteer, clusters, TrainingSets.arabic(data), "ner-ar");
    train(gazetteer, WordClusters.NONE, TrainingSets.english(data), "ner-en");
    return 0;
  }

  /** First line of the cluster file: it is derived data and carries the text's licence. */
  static final String LICENCE =
      "Derived from SaudiNewsNet (Alhagri 2015,"
          + " github.com/ParallelMazen/SaudiNewsNet), CC BY-NC-SA 4.0: non-commercial research use,"
          + " share alike.";

  /** Writes the first pass to {@code name.bin.gz} and the second to {@code name-doc.bin.gz}. */
  private void train(
      Gazetteer gazetteer, WordClusters clusters, Map<String, List<Sentence>> sets, String name)
      throws Exception {
    List<List<Sentence>> documents = new ArrayList<>();
    sets.values().forEach(set -> documents.addAll(TrainingSets.documents(set)));
    long start = System.nanoTime();
    DocumentTrainer.Models models =
        DocumentTrainer.shipped(gazetteer, clusters, epochs, seed).train(documents);
    Path first = write(models.first(), name + ".bin.gz");
    Path second = write(models.second(), name + "-doc.bin.gz");
    System.out.printf(
        "%s, %s: %d documents from %s, %d epochs, %.1f s, %d + %d bytes%n",
        first,
        second,
        documents.size(),
        sets.keySet(),
        epochs,
        (System.nanoTime() - start) / 1e9,
        Files.size(first),
        Files.size(second));
  }

  private Path write(TaggerModel model, String file) throws Exception {
    Path path = out.resolve(file);
    try (OutputStream o = Files.newOutputStream(path)) {
      model.write(o);
    }
    return path;
  }
}
