package dev.khabar.training.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.enrich.entities.tagger.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

  private static int[] tags(String... names) {
    int[] t = new int[names.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Tags.parse(names[i]);
    }
    return t;
  }

  @Test
  void insideWithoutBeginStartsAnEntityAsInConlleval() {
    assertArrayEquals(
        tags("O", "B-LOC", "I-LOC", "B-PER"), Tags.repair(tags("O", "I-LOC", "I-LOC", "I-PER")));
  }

  @Test
  void countsExactMatchesOnly() {
    Scores s = new Scores();
    s.add(tags("B-PER", "I-PER", "O", "B-LOC"), tags("B-PER", "O", "O", "B-LOC"));
    assertEquals(50.0, s.f1(List.of(0, 1, 2, 3)), 1e-9);
  }
}
