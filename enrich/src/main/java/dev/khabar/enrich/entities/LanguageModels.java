package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The models of one language: word clusters ({@code clusters-LANG.tsv.gz}, absent for a language
 * without unlabelled text) and both passes of the tagger ({@code ner-LANG.bin.gz}, {@code
 * ner-LANG-doc.bin.gz}), all written by {@code train-ner}: shipped on the classpath, or in a
 * directory of their own. Immutable.
 */
public record LanguageModels(
    String language, WordClusters clusters, TaggerModel first, TaggerModel second) {

  static final String RESOURCES = "/dev/khabar/enrich/entities/";

  /** Reads the models of {@code language} from the classpath. */
  public static LanguageModels load(String language) {
    return new LanguageModels(
        language,
        clusters(RESOURCES + "clusters-" + language + ".tsv.gz"),
        TaggerModel.load(RESOURCES + "ner-" + language + ".bin.gz"),
        TaggerModel.load(RESOURCES + "ner-" + language + "-doc.bin.gz"));
  }

  /**
   * Reads the models of {@code language} from the files of {@code dir} when it has them (see {@link
   * #isIn}), else from the classpath.
   */
  public static LanguageModels read(Path dir, String language) {
    if (!isIn(dir, language)) {
      return load(language);
    }
    Path clusters = dir.resolve("clusters-" + language + ".tsv.gz");
    try {
      return new LanguageModels(
          language,
          Files.exists(clusters)
              ? clusters(Files.newInputStream(clusters), clusters.toString())
              : WordClusters.NONE,
          model(dir.resolve("ner-" + language + ".bin.gz")),
          model(dir.resolve("ner-" + language + "-doc.bin.gz")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the models of " + language + " in " + dir, e);
    }
  }

  /** Whether {@code dir} holds a first-pass model of {@code language}. */
  public static boolean isIn(Path dir, String language) {
    return Files.isRegularFile(dir.resolve("ner-" + language + ".bin.gz"));
  }

  private static TaggerModel model(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TaggerModel.read(in);
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The two-pass tagger of these models over {@code gazetteer}. */
  public DocumentTagger tagger(Gazetteer gazetteer) {
    return new DocumentTagger(gazetteer, clusters, first, second);
  }

  private static WordClusters clusters(String resource) {
    InputStream in = LanguageModels.class.getResourceAsStream(resource);
    return in == null ? WordClusters.NONE : clusters(in, resource);
  }

  private static WordClusters clusters(InputStream stream, String name) {
    try (InputStream in = stream) {
      return WordClusters.read(in, Features::hash);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read clusters " + name, e);
    }
  }
}
