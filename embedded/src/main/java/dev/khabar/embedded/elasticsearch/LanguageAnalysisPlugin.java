package dev.khabar.embedded.elasticsearch;

import static org.elasticsearch.index.analysis.Analysis.parseStemExclusion;
import static org.elasticsearch.index.analysis.Analysis.parseStopWords;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The {@code arabic} and {@code english} analyzers, as the distribution's {@code analysis-common}
 * module defines them: Lucene's language analyzers, honouring {@code stopwords} (a list, or a name
 * such as {@code _none_}), {@code stopwords_path} and {@code stem_exclusion}.
 */
public final class LanguageAnalysisPlugin extends Plugin implements AnalysisPlugin {

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(
        "arabic",
        (index, environment, name, settings) ->
            new FixedAnalyzerProvider<>(
                name,
                new ArabicAnalyzer(
                    parseStopWords(environment, settings, ArabicAnalyzer.getDefaultStopSet()),
                    parseStemExclusion(settings, CharArraySet.EMPTY_SET))),
        "english",
        (index, environment, name, settings) ->
            new FixedAnalyzerProvider<>(
                name,
                new EnglishAnalyzer(
                    parseStopWords(environment, settings, EnglishAnalyzer.getDefaultStopSet()),
                    parseStemExclusion(settings, CharArraySet.EMPTY_SET))));
  }
}
