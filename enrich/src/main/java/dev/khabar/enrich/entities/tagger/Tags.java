package dev.khabar.enrich.entities.tagger;

import java.util.List;

/**
 * IOB2 tags as small ints: 0 is {@code O}, then {@code B-} and {@code I-} for each of PER, ORG, LOC
 * and MISC in that order.
 */
public final class Tags {

  public static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");
  public static final int COUNT = 1 + 2 * TYPES.size();
  public static final int O = 0;

  private static final String[] NAMES = new String[COUNT];

  static {
    NAMES[O] = "O";
    for (int k = 0; k < TYPES.size(); k++) {
      NAMES[begin(k)] = "B-" + TYPES.get(k);
      NAMES[inside(k)] = "I-" + TYPES.get(k);
    }
  }

  private Tags() {}

  public static int begin(int type) {
    return 1 + 2 * type;
  }

  public static int inside(int type) {
    return 2 + 2 * type;
  }

  /** The entity type index of a tag, -1 for {@code O}. */
  public static int type(int tag) {
    return tag == O ? -1 : (tag - 1) / 2;
  }

  public static boolean isBegin(int tag) {
    return tag != O && (tag - 1) % 2 == 0;
  }

  public static String name(int tag) {
    return NAMES[tag];
  }

  /** Whether {@code tag} may follow {@code previous} (-1 at the sentence start) in valid IOB2. */
  public static boolean allowed(int previous, int tag) {
    if (tag == O || isBegin(tag)) {
      return true;
    }
    return previous != -1 && previous != O && type(previous) == type(tag);
  }

  /**
   * Rewrites an {@code I-X} that does not continue an {@code X} entity as {@code B-X}: this is how
   * conlleval and seqeval read such tags, and it leaves a sequence the decoder can produce.
   */
  public static int[] repair(int[] tags) {
    int[] out = tags.clone();
    for (int i = 0; i < out.length; i++) {
      if (!allowed(i == 0 ? -1 : out[i - 1], out[i])) {
        out[i] = begin(type(out[i]));
      }
    }
    return out;
  }

  /** Parses {@code O}, {@code B-X}, {@code I-X} with X one of {@link #TYPES}. */
  public static int parse(String tag) {
    if (tag.equals("O")) {
      return O;
    }
    if (tag.length() < 3 || tag.charAt(1) != '-') {
      throw new IllegalArgumentException("not an IOB2 tag: " + tag);
    }
    int type = TYPES.indexOf(tag.substring(2));
    if (type < 0) {
      throw new IllegalArgumentException("unknown entity type in tag: " + tag);
    }
    return switch (tag.charAt(0)) {
      case 'B' -> begin(type);
      case 'I' -> inside(type);
      default -> throw new IllegalArgumentException("not an IOB2 tag: " + tag);
    };
  }
}
