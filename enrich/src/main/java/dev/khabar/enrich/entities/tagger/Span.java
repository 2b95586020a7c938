package dev.khabar.enrich.entities.tagger;

import java.util.ArrayList;
import java.util.List;

/** An entity as tokens {@code [start, end)} of a sentence, with its type index in {@link Tags}. */
public record Span(int start, int end, int type) {

  /** The entities of a valid IOB2 tag sequence (see {@link Tags#repair}). */
  public static List<Span> of(int[] tags) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= tags.length; i++) {
      int tag = i < tags.length ? tags[i] : Tags.O;
      boolean continues =
          tag != Tags.O
              && !Tags.isBegin(tag)
              && start >= 0
              && Tags.type(tags[start]) == Tags.type(tag);
      if (start >= 0 && !continues) {
        spans.add(new Span(start, i, Tags.type(tags[start])));
        start = -1;
      }
      if (tag != Tags.O && start < 0) {
        start = i;
      }
    }
    return spans;
  }
}
