package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Tags;
import java.util.List;

/**
 * A tokenised sentence with its gold IOB2 tags (see {@link Tags}).
 *
 * @param miscUnlabelled whether the corpus leaves MISC names unannotated, so that a token tagged
 *     {@code O} may as well be part of a MISC name: training then takes the best of those readings
 *     as the gold one instead of teaching that such names are {@code O}
 * @param domain 0 for text like the text the model is for; otherwise the number of the auxiliary
 *     corpus the sentence comes from, whose conventions training keeps apart ({@code
 *     perceptron.Trainer})
 */
public record Sentence(List<String> tokens, int[] tags, boolean miscUnlabelled, int domain) {

  public Sentence {
    tokens = List.copyOf(tokens);
    if (tags.length != tokens.size()) {
      throw new IllegalArgumentException(tokens.size() + " tokens, " + tags.length + " tags");
    }
  }

  public Sentence(List<String> tokens, int[] tags, boolean miscUnlabelled) {
    this(tokens, tags, miscUnlabelled, 0);
  }

  /** A fully annotated sentence. */
  public Sentence(List<String> tokens, int[] tags) {
    this(tokens, tags, false, 0);
  }

  public Sentence inDomain(int d) {
    return new Sentence(tokens, tags, miscUnlabelled, d);
  }

  public int size() {
    return tags.length;
  }
}
