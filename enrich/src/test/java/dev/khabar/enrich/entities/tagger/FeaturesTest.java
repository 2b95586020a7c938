package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.khabar.enrich.entities.clusters.WordClusters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {

  private static final Features FEATURES = new Features(WordClusters.NONE, 20);
  private static final List<String> TOKENS = List.of("وقال", "الرئيس", "عارف", "امس");

  private static Evidence evidence(int tagOfName) {
    int[] first = {Tags.O, Tags.O, tagOfName, Tags.O};
    return new Evidence(first, new int[] {0, 0, tagOfName << 4 | 8, 0}, new int[4]);
  }

  private static Features.Rows second(int tagOfName) {
    return FEATURES.withEvidence(FEATURES.extract(TOKENS, List.of()), evidence(tagOfName));
  }

  private static int[] row(Features.Rows rows, int i) {
    return Arrays.copyOfRange(rows.ids(), rows.start()[i], rows.start()[i + 1]);
  }

  @Test
  void theSecondPassKeepsTheFirstPassFeaturesAndAddsTheDocumentOnes() {
    Features.Rows plain = FEATURES.extract(TOKENS, List.of());
    Features.Rows second = second(Tags.parse("B-PER"));
    for (int i = 0; i < TOKENS.size(); i++) {
      int[] a = row(plain, i);
      int[] b = row(second, i);
      assertEquals(a.length + 13, b.length);
      assertArrayEquals(a, Arrays.copyOf(b, a.length));
    }
  }

  @Test
  void differentEvidenceGivesDifferentFeatures() {
    Features.Rows person = second(Tags.parse("B-PER"));
    Features.Rows place = second(Tags.parse("B-LOC"));
    assertFalse(Arrays.equals(row(person, 2), row(place, 2)));
  }

  @Test
  void aWordTwentyOrAThousandLettersLongHasTheSameNumberOfFeatures() {
    // Past 32 letters a stem adds no more trigrams: a URL or a run of symbols is not a word.
    Features.Rows rows =
        FEATURES.extract(
            List.of("قال", "a".repeat(34), "b".repeat(1000), "c".repeat(20), "."), List.of());
    int twenty = rows.start()[4] - rows.start()[3];
    int thirtyFour = rows.start()[2] - rows.start()[1];
    int thousand = rows.start()[3] - rows.start()[2];
    assertEquals(thirtyFour, thousand);
    assertEquals(twenty + 32 - 20, thousand);
  }
}
