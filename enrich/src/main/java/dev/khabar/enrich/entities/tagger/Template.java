package dev.khabar.enrich.entities.tagger;

/**
 * The feature templates of {@link Features}: what a feature says about a token, before its value is
 * hashed in. "Previous" and "next" are the tokens at -1 and +1, "2 before" and "2 after" those at
 * -2 and +2. A model is bound to this list's order by {@link Features#VERSION}.
 */
enum Template {
  /** A constant: the tags' prior. */
  BIAS,
  /** The token as written. */
  RAW,
  /** Its normalised form ({@code Normalizer}). */
  WORD,
  /** The normalised form without proclitics ({@code Clitics}). */
  STEM,
  PREVIOUS_WORD,
  NEXT_WORD,
  WORD_2_BEFORE,
  WORD_2_AFTER,
  PREVIOUS_STEM,
  NEXT_STEM,
  PREVIOUS_AND_THIS_WORD,
  THIS_AND_NEXT_WORD,
  PREFIX_1,
  PREFIX_2,
  PREFIX_3,
  SUFFIX_1,
  SUFFIX_2,
  SUFFIX_3,
  SUFFIX_4,
  /** Character classes with runs collapsed ({@link Features#shape}). */
  SHAPE,
  PREVIOUS_AND_THIS_SHAPE,
  THIS_AND_NEXT_SHAPE,
  /** Whether the token starts the sentence, with its shape. */
  SENTENCE_START_AND_SHAPE,
  /** Whether it has the article «ال» and other proclitics. */
  PROCLITICS,
  /** Its length, up to 8. */
  LENGTH,
  STEM_PREFIX_1,
  STEM_PREFIX_2,
  PREVIOUS_AND_THIS_STEM,
  THIS_AND_NEXT_STEM,
  /** A gazetteer source and position (B or I) of a name the token is in. */
  NAME,
  PREVIOUS_NAME,
  NEXT_NAME,
  NAME_AND_PREVIOUS_WORD,
  NAME_AND_NEXT_WORD,
  /** A name's source and position, with whether the token starts with a capital. */
  NAME_AND_CAPITAL,
  /** Letter trigrams of the stem, padded at both ends. */
  LETTER_TRIGRAM,
  PREVIOUS_PREFIX_2,
  PREVIOUS_SUFFIX_2,
  NEXT_PREFIX_2,
  NEXT_SUFFIX_2,
  /** The word's cluster at each level ({@code WordClusters}). */
  CLUSTER,
  STEM_CLUSTER,
  /** Rare in the unlabelled text: often a name. */
  NO_CLUSTER,
  PREVIOUS_CLUSTER,
  NEXT_CLUSTER,
  PREVIOUS_AND_THIS_CLUSTER,
  THIS_AND_NEXT_CLUSTER,
  CLUSTER_AND_NAMES,
  /**
   * How often the unlabelled text writes the word as names are written: capitalised inside a
   * sentence, or in Arabic without the article ({@code WordClusters#nameForm}).
   */
  NAME_FORM,
  NAME_FORM_AND_SHAPE,
  NAME_FORM_AND_SENTENCE_START,
  PREVIOUS_NAME_FORM,
  NEXT_NAME_FORM,
  /**
   * For a token in a run of two or more capitalised words ("Ministry of Foreign Affairs"): its
   * position in the run and the run's length.
   */
  RUN_POSITION,
  /** The run's last word, with the token's position: head nouns ("Affairs", "Council"). */
  RUN_LAST_WORD,
  RUN_FIRST_WORD,
  RUN_LAST_CLUSTER,
  /** The word's trigger category ({@link Triggers}). */
  TRIGGER,
  PREVIOUS_TRIGGER,
  TRIGGER_2_BEFORE,
  NEXT_TRIGGER,
  PREVIOUS_TRIGGER_AND_PERSON_NAME,
  TRIGGER_2_BEFORE_AND_PERSON_NAME,
  NEXT_TRIGGER_AND_PERSON_NAME,
  PREVIOUS_TRIGGER_AND_SHAPE,
  PREVIOUS_TRIGGER_AND_CLUSTER,
  TRIGGERS_BEFORE_AND_PERSON_NAME,
  /** Second pass: how the same word was tagged elsewhere in the document ({@link Evidence}). */
  ELSEWHERE,
  /** Second pass: the first pass's tag of the token. */
  FIRST_PASS_TAG,
  PREVIOUS_AND_THIS_FIRST_PASS_TAG,
  THIS_AND_NEXT_FIRST_PASS_TAG,
  ELSEWHERE_AND_FIRST_PASS_TAG,
  PREVIOUS_ELSEWHERE,
  NEXT_ELSEWHERE,
  ELSEWHERE_2_BEFORE,
  ELSEWHERE_2_AFTER,
  PREVIOUS_AND_THIS_ELSEWHERE,
  THIS_AND_NEXT_ELSEWHERE,
  /** Second pass: trigger categories seen right before the same word elsewhere. */
  CUED_ELSEWHERE,
  CUED_ELSEWHERE_AND_FIRST_PASS_TAG;

  static final Template[] PREFIXES = {PREFIX_1, PREFIX_2, PREFIX_3};
  static final Template[] SUFFIXES = {SUFFIX_1, SUFFIX_2, SUFFIX_3, SUFFIX_4};
  static final Template[] STEM_PREFIXES = {STEM_PREFIX_1, STEM_PREFIX_2};
}
