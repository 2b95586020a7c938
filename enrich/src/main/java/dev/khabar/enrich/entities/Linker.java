package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.GazetteerEntry;
import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import dev.khabar.enrich.entities.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Turns a token span into a {@link Mention}: links it to a gazetteer entry when its name is known,
 * and takes a leading conjunction or preposition off its offsets when the rest is a known word
 * («لمنظمة التعاون الاقتصادي» starts at «منظمة», «وبطهران» is «طهران», but «بغداد» stays whole).
 * Thread-safe (immutable).
 */
final class Linker {

  private final Gazetteer gazetteer;

  Linker(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * @param words normalised forms of all the article's tokens, to tell «ل» + «منظمة» from «لبنان»
   */
  Mention link(List<Token> tokens, int from, int to, String type, Set<String> words) {
    List<String> raw = tokens.subList(from, to).stream().map(Token::text).toList();
    // Of the same type only: a person called «الأردن» is not the country, and the club of
    // Barcelona not the city.
    GazetteerEntry entry = gazetteer.lookup(raw, type);
    Token first = tokens.get(from);
    int trim = proclitic(first.text(), entry != null, words);
    StringBuilder key = new StringBuilder(Normalizer.normalize(first.text()).substring(trim));
    for (int i = from + 1; i < to; i++) {
      key.append(' ').append(Normalizer.normalize(tokens.get(i).text()));
    }
    int start = first.start();
    if (trim > 0) {
      start += Normalizer.sourceIndices(first.text())[trim];
    }
    return new Mention(
        start,
        tokens.get(to - 1).end(),
        from,
        to - from,
        entry != null ? entry.type() : type,
        key.toString(),
        entry);
  }

  /** Normalised characters of {@code word} to drop: conjunction and preposition, never «ال». */
  int proclitic(String word, boolean linked, Set<String> words) {
    String norm = Normalizer.normalize(word);
    int p = Clitics.prefixLength(norm);
    if (p == 0 || gazetteer.startsName(norm)) {
      return 0;
    }
    if (p >= 2 && norm.startsWith("لل", p - 2)) {
      return 0; // «للمنظمة»: dropping «لل» would also drop the article's «ل»
    }
    int article = Clitics.hasArticle(norm) ? 2 : 0;
    int strip = p - article;
    if (strip <= 0) {
      return 0;
    }
    String rest = norm.substring(strip);
    boolean known =
        linked
            || article > 0
            || gazetteer.startsName(rest)
            || words.contains(rest)
            || gazetteer.startsName("ال" + rest);
    return known ? strip : 0;
  }
}
