package dev.khabar.enrich.entities.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.khabar.enrich.entities.clusters.WordClusters;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentMemoryTest {

  private static int[] tags(String... names) {
    int[] t = new int[names.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Tags.parse(names[i]);
    }
    return t;
  }

  private static final int PERSON = Tags.parse("B-PER");
  private static final Features FEATURES = new Features(WordClusters.NONE, 20);

  private static DocumentMemory memory(List<List<String>> sentences, List<int[]> tags) {
    return new DocumentMemory(
        sentences.stream().map(s -> FEATURES.extract(s, List.of())).toList(), tags);
  }

  @Test
  void aNameTaggedInOneSentenceIsRememberedInAnotherWithItsClitics() {
    DocumentMemory memory =
        memory(
            List.of(List.of("قال", "الرئيس", "بوتين"), List.of("وبوتين", "يزور", "طهران")),
            List.of(tags("O", "O", "B-PER"), tags("O", "O", "B-LOC")));
    int code = memory.evidence(1).elsewhere()[0];
    assertEquals(PERSON, code >>> 4);
  }

  @Test
  void aWordFoundNowhereElseHasNoCode() {
    DocumentMemory memory =
        memory(
            List.of(List.of("قال", "الرئيس", "بوتين"), List.of("وبوتين", "يزور", "طهران")),
            List.of(tags("O", "O", "B-PER"), tags("O", "O", "B-LOC")));
    assertEquals(0, memory.evidence(1).elsewhere()[2]);
  }

  @Test
  void aTokensOwnTagIsNotCountedAsElsewhere() {
    DocumentMemory memory =
        memory(List.of(List.of("عارف"), List.of("عارف")), List.of(tags("B-PER"), tags("O")));
    assertEquals(Tags.O, memory.evidence(0).elsewhere()[0] >>> 4);
    assertEquals(PERSON, memory.evidence(1).elsewhere()[0] >>> 4);
    assertNotEquals(memory.evidence(0).elsewhere()[0], memory.evidence(1).elsewhere()[0]);
  }

  @Test
  void aTitleBeforeTheWordElsewhereIsACue() {
    DocumentMemory memory =
        memory(
            List.of(List.of("قال", "الرئيس", "عارف"), List.of("عارف", "يصل")),
            List.of(tags("O", "O", "O"), tags("O", "O")));
    Evidence second = memory.evidence(1);
    assertEquals(1 << Triggers.TITLE, second.cued()[0]);
    assertEquals(0, second.cued()[1]);
  }

  @Test
  void evidenceCarriesTheFirstPassTags() {
    int[] first = tags("O", "B-ORG", "I-ORG");
    DocumentMemory memory = memory(List.of(List.of("أعلن", "اتحاد", "الصناعة")), List.of(first));
    assertEquals(
        List.of(0, Tags.parse("B-ORG"), Tags.parse("I-ORG")),
        java.util.Arrays.stream(memory.evidence(0).firstPass()).boxed().toList());
  }
}
