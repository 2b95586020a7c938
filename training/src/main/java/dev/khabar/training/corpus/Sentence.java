package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Tags;
import java.util.List;

/** A tokenised sentence with its gold IOB2 tags (see {@link Tags}). */
public record Sentence(List<String> tokens, int[] tags) {}
