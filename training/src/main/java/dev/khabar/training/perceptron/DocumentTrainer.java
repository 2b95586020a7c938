package dev.khabar.training.perceptron;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.tagger.DocumentMemory;
import dev.khabar.enrich.entities.tagger.Evidence;
import dev.khabar.enrich.entities.tagger.Features;
import dev.khabar.enrich.entities.tagger.TaggerModel;
import dev.khabar.training.corpus.Sentence;
import dev.khabar.training.corpus.TrainingSets;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains both passes of a {@link DocumentTagger}. The second pass must learn from first-pass tags
 * as wrong as they will be on new text, not from a model's tags on its own training data, so the
 * first-pass tags of its training documents come from models trained without them (jackknifing over
 * {@code folds} contiguous blocks of documents). Deterministic.
 */
public final class DocumentTrainer {

  /** Both passes. */
  public record Models(TaggerModel first, TaggerModel second) {}

  private final Gazetteer gazetteer;
  private final Features features;
  private final Trainer trainer;
  private final int folds;
  private final float outsidePenalty;

  /**
   * @param folds blocks of documents the first-pass tags are jackknifed over
   * @param outsidePenalty bias against {@code O} given to the second pass ({@link
   *     TaggerModel#withOutsidePenalty})
   */
  public DocumentTrainer(
      Gazetteer gazetteer,
      WordClusters clusters,
      int bits,
      int epochs,
      long seed,
      int folds,
      float outsidePenalty) {
    this.gazetteer = gazetteer;
    this.features = new Features(clusters, bits);
    this.trainer = new Trainer(features, gazetteer, bits, epochs, seed);
    this.folds = folds;
    this.outsidePenalty = outsidePenalty;
  }

  /** Both passes with the shipped settings ({@link TrainingSets}). */
  public static DocumentTrainer shipped(
      Gazetteer gazetteer, WordClusters clusters, int epochs, long seed) {
    return new DocumentTrainer(
        gazetteer,
        clusters,
        TrainingSets.BITS,
        epochs,
        seed,
        TrainingSets.JACKKNIFE_FOLDS,
        TrainingSets.OUTSIDE_PENALTY);
  }

  /** Trains on documents, each a list of consecutive sentences. */
  public Models train(List<List<Sentence>> documents) {
    if (documents.size() < folds) {
      throw new IllegalArgumentException(
          "need at least " + folds + " documents, got " + documents.size());
    }
    List<Sentence> sentences = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      int from = documents.size() * k / folds;
      int to = documents.size() * (k + 1) / folds;
      List<Sentence> rest = new ArrayList<>();
      documents.subList(0, from).forEach(rest::addAll);
      documents.subList(to, documents.size()).forEach(rest::addAll);
      TaggerModel heldOut = trainer.train(rest);
      for (List<Sentence> document : documents.subList(from, to)) {
        List<Features.Rows> rows = new ArrayList<>(document.size());
        List<int[]> tags = new ArrayList<>(document.size());
        for (Sentence sentence : document) {
          Features.Rows r =
              features.extract(sentence.tokens(), gazetteer.findAll(sentence.tokens()));
          rows.add(r);
          tags.add(heldOut.decode(heldOut.emissions(r), r.size()));
        }
        DocumentMemory memory = new DocumentMemory(rows, tags);
        for (int s = 0; s < document.size(); s++) {
          sentences.add(document.get(s));
          evidence.add(memory.evidence(s));
        }
      }
    }
    return new Models(
        trainer.train(sentences),
        trainer.train(sentences, evidence).withOutsidePenalty(outsidePenalty));
  }
}
