package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes clitics back onto their words, as news text and ANERcorp write them: WikiFANE splits the
 * conjunction and prepositions off the word («و» «في», «ل» «منظمة») and pronouns off their host
 * («سكان» «ها»), so a tagger trained on it as it is would never see «وفي» or «سكانها». A joined
 * proclitic takes the tag of its word («و» + B-LOC «طهران» → B-LOC «وطهران»), a joined pronoun that
 * of its host. Stateless.
 */
public final class CliticJoiner {

  /** One-letter proclitics: conjunctions «و ف», prepositions «ب ل ك». */
  private static final Set<String> PROCLITICS = Set.of("و", "ف", "ب", "ل", "ك");

  /**
   * Attached pronouns that are not also common words on their own («كم» "how many", «نا», «ي» are
   * left alone).
   */
  private static final Set<String> ENCLITICS = Set.of("ه", "ها", "هم", "هما", "هن");

  private CliticJoiner() {}

  public static Sentence join(Sentence s) {
    List<String> tokens = new ArrayList<>(s.size());
    List<Integer> tags = new ArrayList<>(s.size());
    for (int i = 0; i < s.size(); i++) {
      String token = s.tokens().get(i);
      int tag = s.tags()[i];
      int last = tokens.size() - 1;
      if (ENCLITICS.contains(token) && last >= 0 && isArabicWord(tokens.get(last))) {
        tokens.set(last, tokens.get(last) + token);
        continue;
      }
      if (PROCLITICS.contains(token) && i + 1 < s.size() && isArabicWord(s.tokens().get(i + 1))) {
        int next = s.tags()[i + 1];
        // The word's tag, but an entity that the clitic itself begins begins here too.
        int joined = Tags.isBegin(tag) ? tag : next;
        tokens.add(token + s.tokens().get(i + 1));
        tags.add(joined);
        i++;
        continue;
      }
      tokens.add(token);
      tags.add(tag);
    }
    int[] t = tags.stream().mapToInt(Integer::intValue).toArray();
    return new Sentence(tokens, Tags.repair(t), s.miscUnlabelled(), s.domain());
  }

  private static boolean isArabicWord(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '\u0621' || c > '\u064a') {
        return false;
      }
    }
    return !token.isEmpty();
  }
}
