package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.Tags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * English nationality and people words («Syrian», «Syrians», «European») as MISC names, the news
 * convention (CoNLL): GUM and the UNER sets leave them untagged, BTC tags many as LOC. A token
 * written as a demonym, capitalised, that is untagged or a one-word LOC becomes B-MISC; inside a
 * longer name («American Airlines») it stays. Immutable.
 */
public final class Demonyms {

  private static final int MISC = Tags.TYPES.indexOf("MISC");
  private static final int LOC = Tags.TYPES.indexOf("LOC");

  private final Set<String> words;

  public Demonyms(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /**
   * The adjectives and plurals of {@code gazetteers/demonyms/demonyms.tsv} (columns {@code
   * en_adjective}, {@code en_plural_derived}).
   */
  public static Demonyms read(Path tsv) throws IOException {
    Set<String> words = new HashSet<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      for (int c = 0; c < 2 && c < f.length; c++) {
        if (!f[c].isBlank() && !f[c].contains(" ")) {
          words.add(f[c].strip());
        }
      }
    }
    return new Demonyms(words);
  }

  public boolean contains(String token) {
    return words.contains(token);
  }

  public Sentence asMisc(Sentence s) {
    int[] tags = s.tags().clone();
    boolean changed = false;
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] == Tags.O && contains(s.tokens().get(i))) {
        tags[i] = Tags.begin(MISC);
        changed = true;
      }
    }
    for (Span span : Span.of(s.tags())) {
      if (span.type() == LOC && span.end() - span.start() == 1) {
        int i = span.start();
        if (contains(s.tokens().get(i))) {
          tags[i] = Tags.begin(MISC);
          changed = true;
        }
      }
    }
    return changed ? new Sentence(s.tokens(), tags, s.miscUnlabelled(), s.domain()) : s;
  }
}
