package dev.khabar.enrich.entities.tagger;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import java.util.List;

/** A trained model with the feature extractor it was trained with. Thread-safe (immutable). */
public final class Tagger {

  private final Gazetteer gazetteer;
  private final Features features;
  private final TaggerModel model;

  public Tagger(Gazetteer gazetteer, WordClusters clusters, TaggerModel model) {
    this.gazetteer = gazetteer;
    this.features = new Features(clusters, model.bits());
    this.model = model;
  }

  /** Loads a model resource written by {@code train-ner}. */
  public static Tagger load(Gazetteer gazetteer, WordClusters clusters, String resource) {
    return new Tagger(gazetteer, clusters, TaggerModel.load(resource));
  }

  /**
   * The tags of one sentence with the gazetteer names found in it, which callers reuse rather than
   * match the sentence again.
   *
   * @param tags IOB2 tag ids (see {@link Tags})
   */
  public record Tagging(int[] tags, List<Gazetteer.Match> names) {}

  /** IOB2 tag ids (see {@link Tags}) for the tokens of one sentence. */
  public int[] tag(List<String> tokens) {
    return tag(tokens, gazetteer.findAll(tokens));
  }

  /** Tags one sentence whose gazetteer names are already known. */
  public int[] tag(List<String> tokens, List<Gazetteer.Match> names) {
    float[] emission = model.emissions(features.extract(tokens, names));
    return model.decode(emission, tokens.size());
  }
}
