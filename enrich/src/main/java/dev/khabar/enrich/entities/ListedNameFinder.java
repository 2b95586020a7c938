package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Source;
import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.Tags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The spans of the names the lists know, with no tagger: for text in a language none of the models
 * can read. Only names that link to an entry are taken, and a name of one word only when it is a
 * country or an organisation: on German pages the one-word cities and people of the lists were
 * mostly German words («Auch», «Ware», «Lage», «Ende», «Mai» are towns somewhere), while full names
 * («Angela Merkel»), acronyms («NATO») and countries held. The longest name wins where names
 * overlap, then the earliest. Thread-safe (immutable).
 */
final class ListedNameFinder implements SpanFinder {

  private static final Comparator<Gazetteer.Match> LONGEST_FIRST =
      Comparator.comparingInt((Gazetteer.Match m) -> m.start() - m.end())
          .thenComparingInt(Gazetteer.Match::start);

  private final Gazetteer gazetteer;

  ListedNameFinder(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public List<List<Span>> find(List<List<String>> sentences) {
    List<List<Span>> out = new ArrayList<>(sentences.size());
    for (List<String> sentence : sentences) {
      out.add(spans(sentence));
    }
    return out;
  }

  private List<Span> spans(List<String> tokens) {
    List<Gazetteer.Match> names = new ArrayList<>();
    for (Gazetteer.Match m : gazetteer.findAll(tokens)) {
      if (m.entry().source().linkable() && (m.end() - m.start() > 1 || isOneWordName(m))) {
        names.add(m);
      }
    }
    names.sort(LONGEST_FIRST);
    boolean[] taken = new boolean[tokens.size()];
    List<Span> spans = new ArrayList<>();
    for (Gazetteer.Match m : names) {
      if (isFree(taken, m.start(), m.end())) {
        Arrays.fill(taken, m.start(), m.end(), true);
        spans.add(new Span(m.start(), m.end(), Tags.TYPES.indexOf(m.entry().type())));
      }
    }
    spans.sort(Comparator.comparingInt(Span::start));
    return spans;
  }

  private static boolean isOneWordName(Gazetteer.Match m) {
    Source source = m.entry().source();
    return source == Source.COUNTRY || source == Source.ORGANISATION;
  }

  private static boolean isFree(boolean[] taken, int from, int to) {
    for (int i = from; i < to; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }
}
