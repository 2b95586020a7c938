package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ViterbiTest {

  private static final int T = Tags.COUNT;

  @Test
  void findsTheBestValidSequenceThatTryingEveryOneFinds() {
    Random random = new Random(13);
    for (int round = 0; round < 40; round++) {
      int n = 1 + random.nextInt(5);
      float[] emission = gaussian(random, n * T);
      float[] transition = gaussian(random, (T + 1) * T);

      int[] decoded = Viterbi.decode(emission, n, transition);

      int[] best = bestByTryingAll(emission, n, transition);
      assertArrayEquals(best, decoded, "round " + round);
    }
  }

  @Test
  void neverStartsOrContinuesAnEntityItDidNotBegin() {
    // Scores that favour I-PER everywhere: a decoder that ignored IOB2 would tag it throughout.
    int n = 4;
    float[] emission = new float[n * T];
    for (int i = 0; i < n; i++) {
      emission[i * T + Tags.inside(0)] = 10;
      emission[i * T + Tags.begin(1)] = 1;
    }
    int[] tags = Viterbi.decode(emission, n, new float[(T + 1) * T]);
    assertEquals(Tags.begin(0), tags[0]);
    assertArrayEquals(
        new int[] {Tags.begin(0), Tags.inside(0), Tags.inside(0), Tags.inside(0)}, tags);
  }

  private static float[] gaussian(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private static int[] bestByTryingAll(float[] emission, int n, float[] transition) {
    int[] tags = new int[n];
    int[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int code = 0, all = (int) Math.pow(T, n); code < all; code++) {
      boolean valid = true;
      double score = 0;
      for (int i = 0, c = code; i < n; i++, c /= T) {
        tags[i] = c % T;
        int previous = i == 0 ? -1 : tags[i - 1];
        valid &= Tags.allowed(previous, tags[i]);
        score += emission[i * T + tags[i]] + transition[(previous + 1) * T + tags[i]];
      }
      if (valid && score > bestScore) {
        bestScore = score;
        best = tags.clone();
      }
    }
    return best;
  }
}
