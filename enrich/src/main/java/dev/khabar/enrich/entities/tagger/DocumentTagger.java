package dev.khabar.enrich.entities.tagger;

import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags a document in two passes: the first tags each sentence alone, the second again with the
 * first pass's evidence about the whole document ({@link DocumentMemory}). Thread-safe
 * (immutable).
 */
public final class DocumentTagger {

  private final Gazetteer gazetteer;
  private final Features features;
  private final TaggerModel first;
  private final TaggerModel second;

  public DocumentTagger(Gazetteer gazetteer, WordClusters clusters, TaggerModel first,
      TaggerModel second) {
    if (first.bits() != second.bits()) {
      throw new IllegalArgumentException("both passes must hash features alike");
    }
    this.gazetteer = gazetteer;
    this.features = new Features(clusters, first.bits());
    this.first = first;
    this.second = second;
  }

  /** The tags of each sentence of a document and the gazetteer names found in it. */
  public List<Tagger.Tagging> tag(List<List<String>> sentences) {
    List<List<Gazetteer.Match>> names = new ArrayList<>(sentences.size());
    List<Features.Rows> rows = new ArrayList<>(sentences.size());
    List<int[]> firstTags = new ArrayList<>(sentences.size());
    for (List<String> tokens : sentences) {
      List<Gazetteer.Match> found = gazetteer.findAll(tokens);
      Features.Rows r = features.extract(tokens, found);
      names.add(found);
      rows.add(r);
      firstTags.add(first.decode(first.emissions(r), tokens.size()));
    }
    DocumentMemory memory = new DocumentMemory(rows, firstTags);
    List<Tagger.Tagging> out = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      Features.Rows r = features.withEvidence(rows.get(s), memory.evidence(s));
      out.add(new Tagger.Tagging(second.decode(second.emissions(r), r.size()), names.get(s)));
    }
    return out;
  }
}
