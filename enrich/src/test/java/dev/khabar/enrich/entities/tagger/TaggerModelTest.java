package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TaggerModelTest {

  private static TaggerModel model() {
    float[] weights = new float[Tags.COUNT << 2];
    weights[0] = 4; // one feature of O, to give the weights a scale
    return TaggerModel.quantise(2, weights, new float[(Tags.COUNT + 1) * Tags.COUNT]);
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
}
