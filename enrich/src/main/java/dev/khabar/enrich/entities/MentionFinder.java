package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Source;
import dev.khabar.enrich.entities.tagger.DocumentTagger;
import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.Tagger;
import dev.khabar.enrich.entities.tagger.Tags;
import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds entity spans in each sentence of a document: the tagger's, completed by curated names it
 * missed. Only organisations and multi-word country names are added that way; one-word country
 * names are left to the tagger, because «مالي» (Mali) is usually "financial". Thread-safe
 * (immutable).
 */
final class MentionFinder {

  private final DocumentTagger tagger;

  MentionFinder(DocumentTagger tagger) {
    this.tagger = tagger;
  }

  /** The spans of each sentence (raw token texts) of one document. */
  List<List<Span>> find(List<List<String>> sentences) {
    List<Tagger.Tagging> taggings = tagger.tag(sentences);
    List<List<Span>> out = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      out.add(spans(sentences.get(s), taggings.get(s)));
    }
    return out;
  }

  private static List<Span> spans(List<String> tokens, Tagger.Tagging tagging) {
    List<Span> spans = new ArrayList<>();
    for (Span s : Span.of(tagging.tags())) {
      spans.add(s.type() == PER ? withGivenNames(tokens, s, spans, tagging.names()) : s);
    }
    List<Gazetteer.Match> names = new ArrayList<>();
    for (Gazetteer.Match m : tagging.names()) {
      Source source = m.entry().source();
      boolean curated =
          source == Source.ORGANISATION || (source == Source.COUNTRY && m.end() - m.start() > 1);
      if (curated && looksLikeName(tokens.get(m.start()))) {
        names.add(m);
      }
    }
    names.sort(
        Comparator.comparingInt((Gazetteer.Match m) -> m.start() - m.end())
            .thenComparingInt(Gazetteer.Match::start));
    for (Gazetteer.Match m : names) {
      boolean blocked = false;
      for (Span s : spans) {
        boolean overlaps = s.start() < m.end() && m.start() < s.end();
        boolean inside = s.start() >= m.start() && s.end() <= m.end();
        blocked |= overlaps && !inside;
      }
      if (!blocked) {
        spans.removeIf(s -> s.start() >= m.start() && s.end() <= m.end());
        spans.add(new Span(m.start(), m.end(), Tags.TYPES.indexOf(m.entry().type())));
      }
    }
    spans.sort(Comparator.comparingInt(Span::start));
    return spans;
  }

  private static final int PER = Tags.TYPES.indexOf("PER");

  /** Given names a person span is extended over, at most: «محمد رضا عارف» after «عارف». */
  static final int MAX_GIVEN_NAMES = 2;

  /**
   * Extends a person leftwards over up to two words from the person-name list: given names that are
   * also common words («أسد» is "lion") are the part of a name the tagger most often drops.
   */
  private static Span withGivenNames(
      List<String> tokens, Span s, List<Span> before, List<Gazetteer.Match> names) {
    int start = s.start();
    int limit = before.isEmpty() ? 0 : before.get(before.size() - 1).end();
    while (start > limit
        && s.start() - start < MAX_GIVEN_NAMES
        && isGivenName(tokens.get(start - 1), start - 1, names)) {
      start--;
    }
    return start == s.start() ? s : new Span(start, s.end(), s.type());
  }

  private static boolean isGivenName(String token, int at, List<Gazetteer.Match> names) {
    if (!mayBeGivenName(token)) {
      return false;
    }
    for (Gazetteer.Match m : names) {
      if (m.start() == at && m.end() == at + 1 && m.entry().source() == Source.ANER_PER) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word may be a given name before a tagged surname. The person list also holds definite
   * words («الاول», «الامين»: epithets and surnames), but a given name does not take the article,
   * so «النائب الاول عارف» is not extended to «الاول عارف».
   */
  static boolean mayBeGivenName(String token) {
    return Character.isLetter(token.charAt(0)) && !Clitics.hasArticle(Normalizer.normalize(token));
  }

  /** Latin names start with a capital ("World Bank", not "world bank"); Arabic has no case. */
  private static boolean looksLikeName(String token) {
    char c = token.charAt(0);
    return !Character.isLetter(c) || !Character.isLowerCase(c);
  }
}
