package dev.khabar.training.corpus;

import dev.khabar.enrich.entities.tagger.Tags;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one corpus's entity types become Khabar's PER, ORG, LOC and MISC. A type mapped to {@code
 * "O"} is dropped (its tokens become {@code O}); a type the map does not know is an error, so a
 * corpus with an unexpected tag is refused rather than read wrongly. Immutable.
 */
public record TagMap(Map<String, String> types) {

  /** PER, ORG, LOC and MISC as they are. */
  public static final TagMap CONLL =
      new TagMap(Map.of("PER", "PER", "ORG", "ORG", "LOC", "LOC", "MISC", "MISC"));

  /** ANERcorp writes persons as {@code PERS}. */
  public static final TagMap ANERCORP =
      new TagMap(Map.of("PERS", "PER", "PER", "PER", "ORG", "ORG", "LOC", "LOC", "MISC", "MISC"));

  /**
   * WNUT 2017's emerging-entity types: a group (a band, a team) and a corporation are
   * organisations; a creative work and a product are MISC, as CoNLL tags titles and brands.
   */
  public static final TagMap WNUT =
      new TagMap(
          Map.of(
              "person", "PER",
              "location", "LOC",
              "corporation", "ORG",
              "group", "ORG",
              "creative-work", "MISC",
              "product", "MISC"));

  public TagMap {
    types = Map.copyOf(types);
    for (String t : types.values()) {
      if (!t.equals("O") && !Tags.TYPES.contains(t)) {
        throw new IllegalArgumentException("not a Khabar type: " + t);
      }
    }
  }

  /** The IOB2 tag id of a raw tag such as {@code B-PERS}, {@code I-person} or {@code O}. */
  public int tag(String raw) {
    if (raw.equals("O")) {
      return Tags.O;
    }
    if (raw.length() < 3 || raw.charAt(1) != '-' || "BI".indexOf(raw.charAt(0)) < 0) {
      throw new IllegalArgumentException("not an IOB tag: " + raw);
    }
    @Nullable String type = types.get(raw.substring(2));
    if (type == null) {
      throw new IllegalArgumentException("unknown entity type in " + raw);
    }
    return type.equals("O") ? Tags.O : Tags.parse(raw.charAt(0) + "-" + type);
  }
}
