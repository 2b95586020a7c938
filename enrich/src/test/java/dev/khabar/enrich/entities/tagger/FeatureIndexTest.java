package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

  @Test
  void rowsNumberTheUsedFeaturesInOrderAndSkipTheOthers() {
    int bits = 12;
    long[] used = new long[FeatureIndex.words(bits)];
    boolean[] expected = new boolean[1 << bits];
    Random random = new Random(11);
    for (int f = 0; f < expected.length; f++) {
      if (random.nextInt(5) == 0 || f == 63 || f == 64) {
        expected[f] = true;
        used[f >>> 6] |= 1L << f;
      }
    }
    FeatureIndex index = new FeatureIndex(bits, used);
    int next = 0;
    for (int f = 0; f < expected.length; f++) {
      assertEquals(expected[f] ? next++ : FeatureIndex.NONE, index.row(f), "feature " + f);
    }
    assertEquals(next, index.size());
  }

  @Test
  void aUnionHasTheFeaturesOfEither() {
    long[] a = new long[FeatureIndex.words(8)];
    long[] b = new long[FeatureIndex.words(8)];
    a[0] = 0b1010;
    b[0] = 0b0110;
    b[3] = 1L << 63;
    FeatureIndex union = FeatureIndex.union(new FeatureIndex(8, a), new FeatureIndex(8, b));
    assertEquals(4, union.size());
    assertEquals(2, union.row(3));
    assertEquals(3, union.row(255));
    assertEquals(FeatureIndex.NONE, union.row(0));
  }
}
