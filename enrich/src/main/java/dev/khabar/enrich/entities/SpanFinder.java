package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.tagger.Span;
import java.util.List;

/** Finds the entity spans of each sentence of one document. */
interface SpanFinder {

  /** The spans of each sentence (raw token texts) of one document, in token order. */
  List<List<Span>> find(List<List<String>> sentences);
}
