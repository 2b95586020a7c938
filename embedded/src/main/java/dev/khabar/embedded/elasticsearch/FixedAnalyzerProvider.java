package dev.khabar.embedded.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;

/** Hands out one analyzer built from an index's settings when the index is opened. */
final class FixedAnalyzerProvider<A extends Analyzer> extends AbstractIndexAnalyzerProvider<A> {

  private final A analyzer;

  FixedAnalyzerProvider(String name, A analyzer) {
    super(name);
    this.analyzer = analyzer;
  }

  @Override
  public A get() {
    return analyzer;
  }
}
