package dev.khabar.training.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences written in capitals, as news headlines and datelines are ("PORT AUTHORITY NAMES NEW
 * CHIEF", "CAIRO, MAY 4"): the English corpora have almost none, so a model trained on them alone
 * reads every capitalised word of a headline as a name. {@link #augment} adds a capitalised copy of
 * some sentences to training; {@link #upper} makes a test corpus of them. Stateless.
 */
public final class Capitals {

  /** One sentence in this many gets a copy in capitals. */
  static final int EVERY = 10;

  private Capitals() {}

  public static Sentence upper(Sentence s) {
    return new Sentence(
        s.tokens().stream().map(t -> t.toUpperCase(Locale.ROOT)).toList(),
        s.tags(),
        s.miscUnlabelled(),
        s.domain());
  }

  /**
   * The documents with every {@value #EVERY}th sentence followed by its copy in capitals; the same
   * sentences every time.
   */
  public static List<List<Sentence>> augment(List<List<Sentence>> documents) {
    List<List<Sentence>> out = new ArrayList<>(documents.size());
    int count = 0;
    for (List<Sentence> d : documents) {
      List<Sentence> copy = new ArrayList<>(d.size() + d.size() / EVERY + 1);
      for (Sentence s : d) {
        copy.add(s);
        if (++count % EVERY == 0) {
          copy.add(upper(s));
        }
      }
      out.add(copy);
    }
    return out;
  }

  /** A corpus of every sentence of {@code corpus} in capitals, named {@code <name>-caps}. */
  public static Corpus upper(Corpus corpus) {
    List<List<Sentence>> docs = new ArrayList<>();
    for (List<Sentence> d : corpus.documents()) {
      docs.add(d.stream().map(Capitals::upper).toList());
    }
    return new Corpus(corpus.name() + "-caps", corpus.language(), corpus.licence(), docs);
  }
}
