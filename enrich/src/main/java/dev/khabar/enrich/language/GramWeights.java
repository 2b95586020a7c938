package dev.khabar.enrich.language;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import org.jspecify.annotations.Nullable;

/**
 * The language model's weights looked up by packed gram (see {@link CharNgrams#pack}) rather than
 * by String: the model keeps them in a map of some hundred thousand Strings, so each gram asked
 * about would be a new String, hashed and compared, and a walk through scattered map entries. Here
 * the grams that have weights are keys of one flat table.
 *
 * <p>The probabilities are the model's own, to the last bit: its weights summed in the same order
 * over the same grams (the model skips grams it does not know, and so does this), then its uniform
 * prior, exponentials and normalisation. Read-only once built, so thread-safe.
 */
final class GramWeights {
  private final long[] keys;
  private final int[] params;
  private final int mask;
  private final EvalParameters parameters;
  private final double logPrior;

  private GramWeights(long[] keys, int[] params, EvalParameters parameters, double logPrior) {
    this.keys = keys;
    this.params = params;
    this.mask = keys.length - 1;
    this.parameters = parameters;
    this.logPrior = logPrior;
  }

  /** The weights of a maximum-entropy model trained by GIS, or null for another kind of model. */
  static @Nullable GramWeights of(MaxentModel model) {
    if (!(model instanceof GISModel gis)) {
      return null;
    }
    Object[] data = gis.getDataStructures();
    Context[] contexts = (Context[]) data[0];
    @SuppressWarnings("unchecked")
    Map<String, Context> byGram = (Map<String, Context>) data[1];
    Map<Context, Integer> positions = new IdentityHashMap<>();
    for (int i = 0; i < contexts.length; i++) {
      positions.put(contexts[i], i);
    }
    int capacity = Integer.highestOneBit(Math.max(16, byGram.size() * 2) - 1) << 1;
    long[] keys = new long[capacity]; // 0 = empty: a packed gram always has its length bits set
    int[] params = new int[capacity];
    for (Map.Entry<String, Context> e : byGram.entrySet()) {
      long key = CharNgrams.pack(e.getKey());
      if (key == -1) {
        continue; // not a gram of one to three chars: never asked about
      }
      Integer position = positions.get(e.getValue());
      if (position == null) {
        return null; // weights outside the model's table: this lookup could not reach them
      }
      int slot = (int) CharNgrams.mix(key) & (capacity - 1);
      while (keys[slot] != 0) {
        slot = (slot + 1) & (capacity - 1);
      }
      keys[slot] = key;
      params[slot] = position;
    }
    int outcomes = gis.getNumOutcomes();
    return new GramWeights(
        keys, params, new EvalParameters(contexts, outcomes), StrictMath.log(1.0 / outcomes));
  }

  /**
   * The probability of each of the model's outcomes, in its order, for these grams in this order.
   */
  double[] eval(long[] grams) {
    int[] known = new int[grams.length];
    int n = 0;
    for (long gram : grams) {
      int slot = (int) CharNgrams.mix(gram) & mask;
      while (keys[slot] != 0 && keys[slot] != gram) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] != 0) {
        known[n++] = params[slot];
      }
    }
    double[] prior = new double[parameters.getNumOutcomes()];
    Arrays.fill(prior, logPrior);
    return GISModel.eval(Arrays.copyOf(known, n), prior, parameters);
  }
}
