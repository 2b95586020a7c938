package dev.khabar.enrich.entities.gazetteer;

import dev.khabar.enrich.entities.text.Clitics;
import dev.khabar.enrich.entities.text.Normalizer;
import dev.khabar.enrich.entities.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A token trie of names. The first token of a name is keyed by its clitic-stripped stem, so
 * «وبطهران» finds «طهران» and «للولايات المتحدة» finds «الولايات المتحدة»; later tokens must match
 * in normalised form. Names written in capitals only ("WHO", "ECO") match only capitalised tokens,
 * so the pronoun "who" is not an organisation. Immutable once built and then thread-safe; build it
 * with {@link #add} from one thread.
 */
public final class Gazetteer {

  /** Marks a case-sensitive key token; cannot occur in normalised text. */
  private static final char EXACT = '\u0001';

  /**
   * Marks the first token of a name in Latin letters: it matches only a token that starts with a
   * capital, so the city of Reading is not found in "reading" nor Nice in "nice".
   */
  private static final char CAPITAL = '\u0002';

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    final List<GazetteerEntry> entries = new ArrayList<>(1);
  }

  /** A name found in a token sequence, tokens {@code [start, end)}. */
  public record Match(int start, int end, GazetteerEntry entry) {}

  private final Node root = new Node();

  /** Names for linking only ({@link #addAlias}): never found by {@link #findAll}. */
  private final Node aliases = new Node();

  private final java.util.Set<String> firstWords = new java.util.HashSet<>();
  private int size;

  /** Adds {@code name} as a way to write {@code entry}; later additions of the same name lose. */
  public void add(String name, GazetteerEntry entry) {
    add(root, name, entry);
  }

  /**
   * Adds {@code name} as a short way to write {@code entry} that only links a span the tagger found
   * ({@link #lookup}), and is never a feature ({@link #findAll}): "Arsenal" for Arsenal F.C. is the
   * club only where the tagger says organisation.
   */
  public void addAlias(String name, GazetteerEntry entry) {
    add(aliases, name, entry);
  }

  private void add(Node root, String name, GazetteerEntry entry) {
    List<String> raw = Tokenizer.tokenize(name).stream().map(t -> t.text()).toList();
    if (raw.isEmpty()) {
      return;
    }
    firstWords.add(Normalizer.normalize(raw.get(0)));
    Node node = root;
    for (int i = 0; i < raw.size(); i++) {
      node = node.next.computeIfAbsent(key(raw.get(i), i == 0), k -> new Node());
    }
    for (GazetteerEntry e : node.entries) {
      if (e.source() == entry.source()) {
        return;
      }
    }
    node.entries.add(entry);
    size++;
  }

  /**
   * Whether the normalised {@code word} is the first word of some name as written, clitics
   * included: «بغداد» is, so its «ب» is not a preposition.
   */
  public boolean startsName(String word) {
    return firstWords.contains(word);
  }

  /** Number of distinct (name, source) pairs. */
  public int size() {
    return size;
  }

  /**
   * Every name that starts at some token of {@code tokens} (raw token texts), including names
   * nested in longer ones.
   */
  public List<Match> findAll(List<String> tokens) {
    List<Match> out = new ArrayList<>();
    String[][] keys = keys(tokens);
    for (int s = 0; s < tokens.size(); s++) {
      int start = s;
      walk(keys, s, (end, entries) -> entries.forEach(e -> out.add(new Match(start, end, e))));
    }
    return out;
  }

  /**
   * The linkable entry of type {@code type} (PER, ORG, LOC, MISC) whose name, or else whose alias,
   * is exactly {@code tokens}, from the first source that has one ({@link Source} order), or null.
   */
  public @Nullable GazetteerEntry lookup(List<String> tokens, String type) {
    String[][] keys = keys(tokens);
    GazetteerEntry named = lookup(root, keys, type);
    return named != null ? named : lookup(aliases, keys, type);
  }

  private @Nullable GazetteerEntry lookup(Node from, String[][] keys, String type) {
    GazetteerEntry[] found = new GazetteerEntry[1];
    walk(
        from,
        keys,
        0,
        0,
        (end, entries) -> {
          if (end == keys.length) {
            for (GazetteerEntry e : entries) {
              if (e.source().linkable()
                  && e.type().equals(type)
                  && (found[0] == null || e.source().ordinal() < found[0].source().ordinal())) {
                found[0] = e;
              }
            }
          }
        });
    return found[0];
  }

  private interface Visitor {
    void visit(int end, List<GazetteerEntry> entries);
  }

  private void walk(String[][] keys, int start, Visitor visitor) {
    walk(root, keys, start, start, visitor);
  }

  private void walk(Node node, String[][] keys, int start, int i, Visitor visitor) {
    if (i >= keys.length) {
      return;
    }
    for (int a = 0; a < 2; a++) {
      String k = a == 1 ? keys[i][2] : keys[i][i == start ? 0 : 1];
      if (a == 0 && i == start && k != null && isLatin(k)) {
        k = keys[i][3];
      }
      if (k == null) {
        continue;
      }
      Node child = node.next.get(k);
      if (child != null) {
        if (!child.entries.isEmpty()) {
          visitor.visit(i + 1, child.entries);
        }
        walk(child, keys, start, i + 1, visitor);
      }
    }
  }

  /**
   * Per token: {first-token key, later-token key, case-sensitive key or null, first-token key of a
   * capitalised Latin word or null}.
   */
  private static String[][] keys(List<String> tokens) {
    String[][] keys = new String[tokens.size()][];
    for (int i = 0; i < keys.length; i++) {
      String raw = tokens.get(i);
      String norm = Normalizer.normalize(raw);
      String stem = Clitics.stem(norm);
      boolean capital = !raw.isEmpty() && Character.isUpperCase(raw.charAt(0));
      keys[i] =
          new String[] {
            stem, norm, isAcronym(raw) ? EXACT + raw : null, capital ? CAPITAL + stem : null
          };
    }
    return keys;
  }

  private static String key(String raw, boolean first) {
    if (isAcronym(raw)) {
      return EXACT + raw;
    }
    String norm = Normalizer.normalize(raw);
    if (!first) {
      return norm;
    }
    String stem = Clitics.stem(norm);
    return isLatin(stem) ? CAPITAL + stem : stem;
  }

  /** Whether a key starts with a Latin letter. */
  private static boolean isLatin(String key) {
    if (key.isEmpty()) {
      return false;
    }
    char c = key.charAt(0);
    return c < 0x250 && Character.isLetter(c);
  }

  /** "WHO", "ECO", "U.N." — Latin capitals only, at least two letters. */
  static boolean isAcronym(String raw) {
    int letters = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLowerCase(c) || c > 0x24f) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }
}
