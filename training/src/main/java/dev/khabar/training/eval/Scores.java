package dev.khabar.training.eval;

import dev.khabar.enrich.entities.tagger.Span;
import dev.khabar.enrich.entities.tagger.Tags;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Exact-match entity counts as conlleval and seqeval keep them: an entity is right only when its
 * start, end and type all match. Not thread-safe.
 */
public final class Scores {

  private final int[] tp = new int[Tags.TYPES.size()];
  private final int[] fp = new int[Tags.TYPES.size()];
  private final int[] fn = new int[Tags.TYPES.size()];

  /** Counts one sentence; both tag sequences must be valid IOB2. */
  public void add(int[] gold, int[] predicted) {
    Set<Span> g = new HashSet<>(Span.of(gold));
    for (Span p : Span.of(predicted)) {
      if (g.remove(p)) {
        tp[p.type()]++;
      } else {
        fp[p.type()]++;
      }
    }
    for (Span s : g) {
      fn[s.type()]++;
    }
  }

  public void addAll(Scores other) {
    for (int k = 0; k < tp.length; k++) {
      tp[k] += other.tp[k];
      fp[k] += other.fp[k];
      fn[k] += other.fn[k];
    }
  }

  /** Micro-averaged F1 in percent over the given type indices. */
  public double f1(List<Integer> types) {
    int t = 0;
    int p = 0;
    int n = 0;
    for (int k : types) {
      t += tp[k];
      p += fp[k];
      n += fn[k];
    }
    return f1(t, p, n);
  }

  private static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 200.0 * tp / (2.0 * tp + fp + fn);
  }

  /** A table of P/R/F1 per type, micro-averaged with and without MISC. */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-14s %7s %7s %7s %7s%n", "type", "P", "R", "F1", "gold"));
    for (int k = 0; k < tp.length; k++) {
      line(b, Tags.TYPES.get(k), tp[k], fp[k], fn[k]);
    }
    int[] all = sum(List.of(0, 1, 2, 3));
    int[] noMisc = sum(List.of(0, 1, 2));
    line(b, "micro", all[0], all[1], all[2]);
    line(b, "micro-noMISC", noMisc[0], noMisc[1], noMisc[2]);
    return b.toString();
  }

  private int[] sum(List<Integer> types) {
    int[] s = new int[3];
    for (int k : types) {
      s[0] += tp[k];
      s[1] += fp[k];
      s[2] += fn[k];
    }
    return s;
  }

  private static void line(StringBuilder b, String name, int tp, int fp, int fn) {
    double p = tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn);
    b.append(
        String.format(
            Locale.ROOT, "%-14s %7.2f %7.2f %7.2f %7d%n", name, p, r, f1(tp, fp, fn), tp + fn));
  }
}
