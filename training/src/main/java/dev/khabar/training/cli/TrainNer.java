package dev.khabar.training.cli;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import dev.khabar.training.clusters.Clusterer;
import dev.khabar.training.corpus.Corpora;
import dev.khabar.training.corpus.Corpus;
import dev.khabar.training.corpus.Sentence;
import dev.khabar.training.corpus.TrainingSets;
import dev.khabar.training.gazetteers.GazetteerExport;
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
 * Builds every shipped entity resource; same data, same seed, same bytes. Steps: export the CLDR
 * country names and the open name lists, learn each language's word clusters from unlabelled text
 * (skip with {@code --keep-clusters}), then train both passes of each language's tagger.
 */
@Command(
    name = "train-ner",
    mixinStandardHelpOptions = true,
    description =
        "Writes cldr-places.tsv, places.tsv, names.tsv and demonyms.tsv, learns"
            + " clusters-LANG.tsv.gz from unlabelled text, and trains ner-LANG.bin.gz and"
            + " ner-LANG-doc.bin.gz for each language.")
public final class TrainNer implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "../shared/data/ner",
      description = "The ner/ data directory (default: ${DEFAULT-VALUE}).")
  Path data = Path.of("../shared/data/ner");

  @Option(
      names = "--text",
      defaultValue = "../shared/data/text",
      description =
          "The unlabelled text directory (default: ${DEFAULT-VALUE}): the clusters of each"
              + " language are learned from the *.txt.gz files listed in TrainingSets.")
  Path text = Path.of("../shared/data/text");

  @Option(
      names = "--out",
      defaultValue = "enrich/src/main/resources/dev/khabar/enrich/entities/",
      description = "Where to write the models (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("enrich/src/main/resources/dev/khabar/enrich/entities/");

  @Option(
      names = "--language",
      split = ",",
      description = "Languages to train (default: all, ${DEFAULT-VALUE}).")
  List<String> languages = TrainingSets.LANGUAGES;

  @Option(
      names = "--keep-clusters",
      description = "Reuse the cluster files in --out instead of learning them again.")
  boolean keepClusters;

  @Option(
      names = "--vectors",
      description =
          "Word vectors the clusters are cut from: PPMI (positive PMI with the neighbours,"
              + " randomly projected; 20 s a language) or SKIP_GRAM (skip-gram with negative"
              + " sampling; 5 minutes; as good across corpora, see README) (default:"
              + " ${DEFAULT-VALUE}).")
  Clusterer.Vectors vectors = Clusterer.Vectors.PPMI;

  @Option(
      names = "--research",
      description =
          "Build the optional research models instead: Arabic clusters also learned from"
              + " SaudiNewsNet (CC BY-NC-SA 4.0), so these models are for non-commercial use"
              + " only. Needs --out, away from the shipped resources.")
  boolean research;

  @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingSets.EPOCHS;

  @Option(names = "--seed", description = "Shuffling seed (default: ${DEFAULT-VALUE}).")
  long seed = TrainingSets.SEED;

  private static final String RESEARCH_LICENCE =
      """
      Research entity models of Khabar, written by ./khabar train-ner --research.

      The Arabic word clusters, and so every Arabic model trained with them, derive from
      SaudiNewsNet (Saudi newspaper articles, 2015; Alhagri 2015), CC BY-NC-SA 4.0:
      non-commercial use only, share alike, with attribution. The other sources are those
      of the shipped models (see the README.md beside them).
      """;

  private static final Path SHIPPED =
      Path.of("enrich/src/main/resources/dev/khabar/enrich/entities");

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainNer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (research && out.toAbsolutePath().normalize().endsWith(SHIPPED)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--research models are for non-commercial use only: give them an --out of their own");
    }
    Files.createDirectories(out);
    Path organisations = out.resolve("organisations.tsv");
    if (!Files.exists(organisations)) {
      // Curated by hand, not built: a fresh output directory starts from the shipped list.
      try (InputStream in =
          TrainNer.class.getResourceAsStream("/dev/khabar/enrich/entities/organisations.tsv")) {
        Files.copy(java.util.Objects.requireNonNull(in, "organisations.tsv"), organisations);
      }
    }
    if (research) {
      Files.writeString(out.resolve("LICENCE.txt"), RESEARCH_LICENCE);
    }
    Gazetteers.exportCldr(out.resolve("cldr-places.tsv"));
    new GazetteerExport(data.resolve("gazetteers")).write(out);
    Gazetteer gazetteer = Gazetteers.read(out);
    Corpora corpora = new Corpora(data);
    for (String language : languages) {
      WordClusters clusters = clusters(language);
      train(gazetteer, clusters, language, TrainingSets.training(corpora, language));
    }
    return 0;
  }

  /**
   * Learns (or with --keep-clusters reads) the clusters of a language; none when it has no text.
   */
  private WordClusters clusters(String language) throws Exception {
    Map<String, String> sources =
        research ? TrainingSets.researchClusterText(language) : TrainingSets.clusterText(language);
    if (sources.isEmpty()) {
      return WordClusters.NONE;
    }
    Path file = out.resolve("clusters-" + language + ".tsv.gz");
    if (!keepClusters) {
      long start = System.nanoTime();
      List<Path> dirs = sources.keySet().stream().map(text::resolve).toList();
      new Clusterer(seed).learn(dirs, file, String.join(" ", sources.values()), vectors);
      System.out.printf(
          "%s: from %s, %.1f s, %d bytes%n",
          file, dirs, (System.nanoTime() - start) / 1e9, Files.size(file));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return WordClusters.read(in, Features::hash);
    }
  }

  /** Writes the first pass to {@code name.bin.gz} and the second to {@code name-doc.bin.gz}. */
  private void train(
      Gazetteer gazetteer, WordClusters clusters, String language, List<Corpus> corpora)
      throws Exception {
    String name = "ner-" + language;
    List<List<Sentence>> given = new ArrayList<>();
    corpora.forEach(c -> given.addAll(c.documents()));
    List<List<Sentence>> documents = TrainingSets.prepare(language, given);
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
        corpora.stream().map(Corpus::name).toList(),
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
