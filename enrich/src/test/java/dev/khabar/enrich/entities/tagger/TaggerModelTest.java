package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.enrich.entities.clusters.WordClusters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaggerModelTest {

  private static final int BITS = 10;

  private static TaggerModel model() {
    float[] weights = new float[Tags.COUNT << 2];
    weights[0] = 4; // one feature of O, to give the weights a scale
    return TaggerModel.quantise(2, weights, new float[(Tags.COUNT + 1) * Tags.COUNT]);
  }

  /** Weights for one feature in five, the others zero, as a trained perceptron leaves them. */
  private static float[] sparseWeights(Random random) {
    float[] weights = new float[Tags.COUNT << BITS];
    for (int f = 0; f < 1 << BITS; f++) {
      if (random.nextInt(5) == 0) {
        for (int t = 0; t < Tags.COUNT; t++) {
          weights[f * Tags.COUNT + t] = (float) random.nextGaussian();
        }
      }
    }
    return weights;
  }

  private static Features.Rows rows() {
    return new Features(WordClusters.NONE, BITS)
        .extract(List.of("وقال", "الرئيس", "عارف", "Iran", "said"), List.of());
  }

  @Test
  void anOutsidePenaltyTurnsATieIntoAnEntity() {
    float[] tie = new float[Tags.COUNT];
    assertEquals(Tags.O, model().decode(tie, 1)[0]);
    assertNotEquals(Tags.O, model().withOutsidePenalty(1).decode(tie, 1)[0]);
  }

  @Test
  void anOutsidePenaltySmallerThanTheMarginChangesNothing() {
    TaggerModel m = model();
    float[] outside = new float[Tags.COUNT];
    outside[Tags.O] = 2 * m.unit(); // O ahead by 2.0 trained-weight units
    assertEquals(Tags.O, m.withOutsidePenalty(1).decode(outside, 1)[0]);
    assertNotEquals(Tags.O, m.withOutsidePenalty(3).decode(outside, 1)[0]);
  }

  @Test
  void keepsRowsOnlyForFeaturesWithWeightsAndScoresAsTheDenseWeights() {
    float[] weights = sparseWeights(new Random(5));
    TaggerModel m = TaggerModel.quantise(BITS, weights, new float[(Tags.COUNT + 1) * Tags.COUNT]);
    assertTrue(m.features() > 0 && m.features() < (1 << BITS) / 3, "" + m.features());

    Features.Rows rows = rows();
    float[] expected = new float[rows.size() * Tags.COUNT];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = rows.start()[i]; j < rows.start()[i + 1]; j++) {
        for (int t = 0; t < Tags.COUNT; t++) {
          expected[i * Tags.COUNT + t] +=
              Math.round(weights[rows.ids()[j] * Tags.COUNT + t] * m.unit());
        }
      }
    }
    assertArrayEquals(expected, m.emissions(rows));
  }

  @Test
  void readsBackWhatItWrites() throws IOException {
    Random random = new Random(9);
    float[] transitions = new float[(Tags.COUNT + 1) * Tags.COUNT];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = (float) random.nextGaussian();
    }
    TaggerModel m = TaggerModel.quantise(BITS, sparseWeights(random), transitions);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    TaggerModel back = TaggerModel.read(new ByteArrayInputStream(out.toByteArray()));

    assertEquals(m.features(), back.features());
    assertEquals(m.bits(), back.bits());
    Features.Rows rows = rows();
    float[] emissions = m.emissions(rows);
    assertArrayEquals(emissions, back.emissions(rows));
    assertArrayEquals(m.decode(emissions, rows.size()), back.decode(emissions, rows.size()));
  }

  @Test
  void refusesWhatIsNotAModel() {
    byte[] notGzip = "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> TaggerModel.read(new ByteArrayInputStream(notGzip)));
  }
}
