package dev.khabar.training.corpus;

import java.util.List;

/**
 * A labelled corpus read and mapped to Khabar's types ({@link Corpora}).
 *
 * @param name short name, as {@code eval-ner} reports it
 * @param language ISO 639-1 code of its text
 * @param licence the licence of its annotations and text
 * @param documents its documents, each a list of consecutive sentences
 */
public record Corpus(String name, String language, String licence, List<List<Sentence>> documents) {

  public Corpus {
    documents = List.copyOf(documents);
  }

  /** The same corpus with every sentence in {@code domain} ({@link Sentence#domain}). */
  public Corpus inDomain(int domain) {
    List<List<Sentence>> docs =
        documents.stream().map(d -> d.stream().map(s -> s.inDomain(domain)).toList()).toList();
    return new Corpus(name, language, licence, docs);
  }

  public int tokens() {
    return documents.stream().flatMap(List::stream).mapToInt(Sentence::size).sum();
  }
}
