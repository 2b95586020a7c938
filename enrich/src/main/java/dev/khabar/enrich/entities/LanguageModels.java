package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The shipped models of one language: word clusters ({@code clusters-LANG.tsv.gz}, absent for a
 * language without unlabelled text) and both passes of the tagger ({@code ner-LANG.bin.gz}, {@code
 * ner-LANG-doc.bin.gz}), all written by {@code train-ner}. Immutable.
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

  /** The two-pass tagger of these models over {@code gazetteer}. */
  public DocumentTagger tagger(Gazetteer gazetteer) {
    return new DocumentTagger(gazetteer, clusters, first, second);
  }

  private static WordClusters clusters(String resource) {
    try (InputStream in = LanguageModels.class.getResourceAsStream(resource)) {
      return in == null ? WordClusters.NONE : WordClusters.read(in, Features::hash);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read clusters " + resource, e);
    }
  }
}
